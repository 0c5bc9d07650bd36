import Domain

/// A research and industry topic within a track: the shared vocabulary that links needs to experts.
public struct DemoTopic: Sendable, Equatable {
    /// A stable code such as `materials.carbon_fiber`.
    public let code: String
    public let track: IndustryTrack
    /// The topic name, e.g. 碳纤维复合材料.
    public let name: String
    /// What an enterprise in this topic makes, used in company summaries.
    public let business: String
    /// Words that go into company names, e.g. 碳纤维, 复合材料.
    public let companyWords: [String]
    /// Keywords shared by the topic's needs and experts (the matcher's common vocabulary).
    public let keywords: [String]
    /// GB/T 13745 codes from the project's discipline table; the first is the most specific.
    public let disciplines: [String]
    /// A research direction phrase, e.g. 碳纤维复合材料界面改性与成型工艺.
    public let research: String
    /// Phrases describing an expert's particular strengths.
    public let focuses: [String]
    /// Results an expert can offer for transfer (可转化成果).
    public let achievements: [String]
    /// Typical enterprise problems in this topic.
    public let needs: [DemoNeedScenario]

    init(
        _ code: String, _ track: IndustryTrack, _ name: String, business: String, companyWords: [String],
        keywords: String, disciplines: [String], research: String, focuses: [String], achievements: [String],
        needs: [DemoNeedScenario]
    ) {
        self.code = code
        self.track = track
        self.name = name
        self.business = business
        self.companyWords = companyWords
        self.keywords = keywords.split(separator: " ").map(String.init)
        self.disciplines = disciplines
        self.research = research
        self.focuses = focuses
        self.achievements = achievements
        self.needs = needs
    }
}

/// One typical enterprise problem: a title, the problem as the enterprise describes it, and target indicators.
public struct DemoNeedScenario: Sendable, Equatable {
    public let title: String
    public let problem: String
    public let targets: String

    init(_ title: String, _ problem: String, _ targets: String) {
        self.title = title
        self.problem = problem
        self.targets = targets
    }
}
