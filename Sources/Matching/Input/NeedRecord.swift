/// One enterprise technical need, as read from a line of needs JSONL.
public struct NeedRecord: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?
    public var keywords: [String]?
    public var track: String?
    public var disciplines: [String]?
    public var region: String?
    public var acceptsOutOfProvince: Bool?
    public var enterpriseID: String?
    public var preferredExpertIDs: [String]?
    /// Ground-truth sub-topic written by the synthetic generator; never used for scoring.
    public var syntheticTopic: String?

    public init(
        id: String, title: String, description: String? = nil, keywords: [String]? = nil, track: String? = nil,
        disciplines: [String]? = nil, region: String? = nil, acceptsOutOfProvince: Bool? = nil,
        enterpriseID: String? = nil, preferredExpertIDs: [String]? = nil, syntheticTopic: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.keywords = keywords
        self.track = track
        self.disciplines = disciplines
        self.region = region
        self.acceptsOutOfProvince = acceptsOutOfProvince
        self.enterpriseID = enterpriseID
        self.preferredExpertIDs = preferredExpertIDs
        self.syntheticTopic = syntheticTopic
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, keywords, track, disciplines, region
        case acceptsOutOfProvince = "accepts_out_of_province"
        case enterpriseID = "enterprise_id"
        case preferredExpertIDs = "preferred_expert_ids"
        case syntheticTopic = "synthetic_topic"
    }
}
