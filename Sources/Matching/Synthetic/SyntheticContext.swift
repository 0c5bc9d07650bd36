/// Shared lookups for generating one pool: sizes, the topic of every record, units and enterprises.
struct SyntheticContext {
    let generator: SyntheticPoolGenerator
    let needCount: Int
    let expertCount: Int
    let needsByTopic: [[Int]]
    let expertsByTopic: [[Int]]
    let enterpriseCount: Int
    let unitCount: Int
    let unitRegions: [String]

    static let jilinCities = ["220100", "220200", "220300", "220400", "220500", "220600", "220700", "220800", "222400"]
    /// Out-of-province units: Guangdong cities, Beijing, Shanghai, Liaoning, Hong Kong, Macao (2-digit codes too).
    static let otherRegions = ["440100", "440300", "44", "110000", "310000", "210100", "81", "82"]

    init(
        generator: SyntheticPoolGenerator, needCount: Int, expertCount: Int, needsByTopic: [[Int]],
        expertsByTopic: [[Int]]
    ) {
        self.generator = generator
        self.needCount = needCount
        self.expertCount = expertCount
        self.needsByTopic = needsByTopic
        self.expertsByTopic = expertsByTopic
        enterpriseCount = max(1, needCount * 2 / 3)
        unitCount = max(1, expertCount / 40)
        var rng = SplitMix64.stream(seed: generator.seed, 4 << 40)
        // Most dispatching units are in Jilin; Changchun holds most universities.
        unitRegions = (0..<unitCount).map { _ in
            if rng.chance(0.82) { return rng.chance(0.55) ? "220100" : rng.pick(Self.jilinCities) }
            return rng.pick(Self.otherRegions)
        }
    }

    var topics: [SyntheticTopic] { generator.topics }

    func rng(_ stream: UInt64, _ index: Int) -> SplitMix64 {
        SplitMix64.stream(seed: generator.seed, stream | UInt64(index))
    }

    /// A topic for noise: a neighbour in the same track (35%), any topic (15%), or none.
    func noiseTopic(for topic: Int, rng: inout SplitMix64) -> SyntheticTopic? {
        let roll = rng.unit()
        if roll < 0.35 {
            let siblings = topics.indices.filter { topics[$0].track == topics[topic].track && $0 != topic }
            return siblings.isEmpty ? nil : topics[rng.pick(siblings)]
        }
        if roll < 0.50 { return topics[rng.below(topics.count)] }
        return nil
    }

    /// `count` words shared by every topic of the track.
    func trackWords(_ topic: SyntheticTopic, english: Bool, count: Int, rng: inout SplitMix64) -> [String] {
        let table = english ? SyntheticText.trackTermsEnglish : SyntheticText.trackTermsChinese
        return rng.sample(table[topic.track] ?? [], count: count)
    }

    func enterprise(rng: inout SplitMix64) -> String {
        SyntheticPoolGenerator.enterpriseID(rng.below(enterpriseCount))
    }
}
