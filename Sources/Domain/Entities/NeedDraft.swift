import Foundation

/// An enterprise's technical need (企业技术需求) as entered, before screening.
public struct NeedDraft: Sendable, Codable, Equatable {
    public var title: String
    public var description: String
    /// 技术指标: the measurable targets the solution must reach.
    public var technicalTargets: String
    public var tracks: [IndustryTrack]
    public var disciplineCodes: [String]
    public var keywords: [String]
    /// The budget in yuan (元); nil when not stated.
    public var budget: Decimal?
    public var deadline: LocalDate?
    /// 是否保密: hide details from the public need list.
    public var confidential: Bool
    /// 是否接受域外专家: experts from outside the province may be proposed.
    public var acceptsOutOfProvince: Bool
    public var expectedOutcomes: [ExpectedOutcome]
    public var ipArrangement: IPArrangement?
    /// How many experts the need asks for; more than 1 means a team.
    public var expertsNeeded: Int
    /// 企业点将: the expert the enterprise asks for by name, if any (an expert id).
    public var preferredExpertID: Int?

    public init(
        title: String, description: String, technicalTargets: String = "", tracks: [IndustryTrack] = [],
        disciplineCodes: [String] = [], keywords: [String] = [], budget: Decimal? = nil, deadline: LocalDate? = nil,
        confidential: Bool = false, acceptsOutOfProvince: Bool = true, expectedOutcomes: [ExpectedOutcome] = [],
        ipArrangement: IPArrangement? = nil, expertsNeeded: Int = 1, preferredExpertID: Int? = nil
    ) {
        self.preferredExpertID = preferredExpertID
        self.title = title
        self.description = description
        self.technicalTargets = technicalTargets
        self.tracks = tracks
        self.disciplineCodes = disciplineCodes
        self.keywords = keywords
        self.budget = budget
        self.deadline = deadline
        self.confidential = confidential
        self.acceptsOutOfProvince = acceptsOutOfProvince
        self.expectedOutcomes = expectedOutcomes
        self.ipArrangement = ipArrangement
        self.expertsNeeded = expertsNeeded
    }

    enum CodingKeys: String, CodingKey {
        case title, description, tracks, keywords, budget, deadline, confidential
        case technicalTargets = "technical_targets"
        case disciplineCodes = "discipline_codes"
        case acceptsOutOfProvince = "accepts_out_of_province"
        case expectedOutcomes = "expected_outcomes"
        case ipArrangement = "ip_arrangement"
        case expertsNeeded = "experts_needed"
        case preferredExpertID = "preferred_expert_id"
    }
}
