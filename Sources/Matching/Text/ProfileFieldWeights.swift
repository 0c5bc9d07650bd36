/// How much one occurrence of a term counts in each field of an expert profile or a need.
///
/// Keywords are chosen by a person, so one of them says more than a word in running text.
public struct ProfileFieldWeights: Sendable, Equatable {
    public var keyword: Float = 3
    public var summary: Float = 1
    public var publicationTitle: Float = 2
    public var publicationAbstract: Float = 1
    public var achievement: Float = 1
    public var needTitle: Float = 2
    public var needKeyword: Float = 2
    public var needDescription: Float = 1

    public init() {}

    /// The weighted text fields of an expert profile, in a fixed order.
    func fields(of expert: ExpertRecord) -> [(text: String, weight: Float)] {
        var result: [(String, Float)] = []
        if let text = expert.summary { result.append((text, summary)) }
        for keyword in expert.keywords ?? [] { result.append((keyword, self.keyword)) }
        for publication in expert.publications ?? [] {
            if let title = publication.title { result.append((title, publicationTitle)) }
            if let abstract = publication.abstract { result.append((abstract, publicationAbstract)) }
        }
        for achievement in expert.achievements ?? [] { result.append((achievement, self.achievement)) }
        return result
    }

    /// The weighted text fields of a need, in a fixed order.
    func fields(of need: NeedRecord) -> [(text: String, weight: Float)] {
        var result: [(String, Float)] = [(need.title, needTitle)]
        for keyword in need.keywords ?? [] { result.append((keyword, needKeyword)) }
        if let description = need.description { result.append((description, needDescription)) }
        return result
    }
}
