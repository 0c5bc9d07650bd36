/// Discipline and track data laid out for the first pass: postings from exact and second-level discipline codes
/// to experts (so an expert with a strong discipline match but little shared text is still found), and one
/// packed word per expert with first-level codes and track bits for experts the text already touched.
struct ExpertAttributeIndex: Sendable {
    let exactDiscipline: [String: [Int32]]
    let secondLevelDiscipline: [String: [Int32]]
    /// Per expert: up to three first-level codes in bits 0–29 (10 bits each, 0 = none) and the track bits
    /// (one per track of `IndustryTrack.all`) in bits 32–39. One load per expert keeps the first pass
    /// cache-friendly; an expert with more first-level codes is only approximate here, never in final scores.
    let packedFacts: [UInt64]

    init(experts: [ExpertProfile]) {
        var exact: [String: [Int32]] = [:]
        var second: [String: [Int32]] = [:]
        var packed: [UInt64] = []
        packed.reserveCapacity(experts.count)
        func add(_ table: inout [String: [Int32]], _ key: String, _ document: Int32) {
            if table[key, default: []].last != document { table[key, default: []].append(document) }
        }
        for (position, expert) in experts.enumerated() {
            let document = Int32(position)
            var firstLevels: [Int32] = []
            for code in expert.disciplines {
                add(&exact, code, document)
                if code.count >= 5 { add(&second, String(code.prefix(5)), document) }
                if let first = Int32(code.prefix(3)), !firstLevels.contains(first) { firstLevels.append(first) }
            }
            var word = UInt64(expert.trackCodes.reduce(UInt8(0)) { $0 | Self.trackBit($1) }) << 32
            for (slot, code) in firstLevels.prefix(3).enumerated() where (1...1023).contains(code) {
                word |= UInt64(code) << (10 * UInt64(slot))
            }
            packed.append(word)
        }
        exactDiscipline = exact
        secondLevelDiscipline = second
        packedFacts = packed
    }

    /// The bit of a track code, 0 for a code outside the seven tracks.
    static func trackBit(_ code: String) -> UInt8 {
        guard let index = IndustryTrack.all.firstIndex(where: { $0.code == code }) else { return 0 }
        return 1 << UInt8(index)
    }
}
