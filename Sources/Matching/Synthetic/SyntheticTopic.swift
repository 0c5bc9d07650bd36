/// A technical sub-topic of one industry track: the vocabulary and discipline codes the generator draws from.
public struct SyntheticTopic: Sendable, Equatable {
    public var code: String
    public var track: String
    public var chineseName: String
    public var chineseTerms: [String]
    public var englishTerms: [String]
    /// GB/T 13745 codes, most specific first (see `DisciplineCatalog`).
    public var disciplines: [String]

    init(_ code: String, _ track: String, _ name: String, zh: String, en: String, disciplines: [String]) {
        self.code = code
        self.track = track
        chineseName = name
        chineseTerms = zh.split(separator: " ").map(String.init)
        englishTerms = en.split(separator: ",").map { String($0).trimmingSpaces() }
        self.disciplines = disciplines
    }
}
