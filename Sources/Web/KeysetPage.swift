import Hummingbird

/// One page of a newest-first list: the items, and the id to pass as `before_id` for the next (older) page —
/// always present, null on the last page.
struct KeysetPage<Item: Encodable & Sendable>: ResponseEncodable {
    var items: [Item]
    var nextBeforeID: Int?

    /// A full page (as many items as the limit) may have a next one, which starts before its last item.
    init(items: [Item], limit: Int, id: (Item) -> Int) {
        self.items = items
        nextBeforeID = items.count == limit ? items.last.map(id) : nil
    }

    enum CodingKeys: String, CodingKey {
        case items
        case nextBeforeID = "next_before_id"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(nextBeforeID, forKey: .nextBeforeID)
    }
}

/// `?before_id=` as a positive id, or nil when absent.
extension Request {
    func beforeID() throws -> Int? {
        uri.queryParameters["before_id"] == nil ? nil : try intQuery("before_id", default: 0, range: 1...Int.max)
    }
}
