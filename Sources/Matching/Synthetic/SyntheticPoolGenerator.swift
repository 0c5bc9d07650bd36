/// Needs and experts made by `SyntheticPoolGenerator`.
public struct SyntheticPool: Sendable {
    public var needs: [NeedRecord]
    public var experts: [ExpertRecord]
}

/// Makes a realistic pool of needs and experts, any size, identical for the same seed and sizes.
///
/// Each record draws a sub-topic of one of the seven tracks (`SyntheticTopicCatalog`) and writes Chinese
/// (about 85%) or English text from that topic's vocabulary, templates and generic filler, with some terms
/// from a neighbouring topic of the same track (30%) or any topic (10%) as noise. Discipline codes come from
/// the topic's GB/T 13745 codes. Optional fields are left out at realistic rates, and a few experts break
/// each hard rule. The true sub-topic is written as `synthetic_topic`, which scoring ignores.
/// Every record uses its own SplitMix64 stream derived from (seed, kind, index).
public struct SyntheticPoolGenerator: Sendable {
    public var seed: UInt64
    public var topics: [SyntheticTopic]
    /// The year birth years and integrity records are drawn around.
    public var referenceYear: Int

    public init(seed: UInt64, topics: [SyntheticTopic] = SyntheticTopicCatalog.topics, referenceYear: Int = 2026) {
        self.seed = seed
        self.topics = topics
        self.referenceYear = referenceYear
    }

    static let needStream: UInt64 = 1 << 40
    static let expertStream: UInt64 = 2 << 40
    static let linkStream: UInt64 = 3 << 40

    public func generate(needs needCount: Int, experts expertCount: Int) -> SyntheticPool {
        let needTopics = (0..<needCount).map { topicIndex(stream: Self.needStream, index: $0) }
        let expertTopics = (0..<expertCount).map { topicIndex(stream: Self.expertStream, index: $0) }
        var needsByTopic = [[Int]](repeating: [], count: topics.count)
        for (index, topic) in needTopics.enumerated() { needsByTopic[topic].append(index) }
        var expertsByTopic = [[Int]](repeating: [], count: topics.count)
        for (index, topic) in expertTopics.enumerated() { expertsByTopic[topic].append(index) }
        let context = SyntheticContext(
            generator: self, needCount: needCount, expertCount: expertCount, needsByTopic: needsByTopic,
            expertsByTopic: expertsByTopic)
        let needs = (0..<needCount).map { context.need(index: $0, topic: needTopics[$0]) }
        let experts = (0..<expertCount).map { context.expert(index: $0, topic: expertTopics[$0]) }
        return SyntheticPool(needs: needs, experts: experts)
    }

    func topicIndex(stream: UInt64, index: Int) -> Int {
        var rng = SplitMix64.stream(seed: seed, stream | UInt64(index))
        return rng.below(topics.count)
    }

    static func needID(_ index: Int) -> String { "N" + padded(index + 1, 6) }
    static func expertID(_ index: Int) -> String { "X" + padded(index + 1, 6) }
    static func enterpriseID(_ index: Int) -> String { "E" + padded(index + 1, 6) }
    static func unitID(_ index: Int) -> String { "U" + padded(index + 1, 4) }

    static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
