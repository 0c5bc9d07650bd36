/// One expert profile, as read from a line of experts JSONL.
public struct ExpertRecord: Codable, Sendable, Equatable {
    public var id: String
    public var name: String?
    public var unitID: String?
    public var summary: String?
    public var keywords: [String]?
    public var publications: [PublicationRecord]?
    public var achievements: [String]?
    public var disciplines: [String]?
    public var tracks: [String]?
    public var region: String?
    /// Whether the expert is willing to serve an enterprise outside the expert's own province.
    public var outOfProvince: Bool?
    public var capacity: Int?
    public var degree: String?
    public var titleLevel: String?
    public var birthYear: Int?
    public var managementPost: Bool?
    public var integrityRecordYear: Int?
    public var unitApproved: Bool?
    public var status: String?
    public var availableFrom: CalendarDay?
    public var availableTo: CalendarDay?
    /// Enterprises the expert founded or holds equity in.
    public var equityEnterpriseIDs: [String]?
    /// Enterprises the expert's unit founded or holds equity in.
    public var unitEquityEnterpriseIDs: [String]?
    /// Other conflicts of interest entered by staff (relatives, former employer, …).
    public var conflictEnterpriseIDs: [String]?
    public var chosenNeedIDs: [String]?
    public var cooperatedEnterpriseIDs: [String]?
    public var unitCooperatedEnterpriseIDs: [String]?
    /// Ground-truth sub-topic written by the synthetic generator; never used for scoring.
    public var syntheticTopic: String?

    public init(id: String) {
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case id, name, summary, keywords, publications, achievements, disciplines, tracks, region, capacity, degree
        case status
        case unitID = "unit_id"
        case outOfProvince = "out_of_province"
        case titleLevel = "title_level"
        case birthYear = "birth_year"
        case managementPost = "management_post"
        case integrityRecordYear = "integrity_record_year"
        case unitApproved = "unit_approved"
        case availableFrom = "available_from"
        case availableTo = "available_to"
        case equityEnterpriseIDs = "equity_enterprise_ids"
        case unitEquityEnterpriseIDs = "unit_equity_enterprise_ids"
        case conflictEnterpriseIDs = "conflict_enterprise_ids"
        case chosenNeedIDs = "chosen_need_ids"
        case cooperatedEnterpriseIDs = "cooperated_enterprise_ids"
        case unitCooperatedEnterpriseIDs = "unit_cooperated_enterprise_ids"
        case syntheticTopic = "synthetic_topic"
    }
}

/// A publication listed on an expert profile.
public struct PublicationRecord: Codable, Sendable, Equatable {
    public var title: String?
    public var abstract: String?

    public init(title: String? = nil, abstract: String? = nil) {
        self.title = title
        self.abstract = abstract
    }
}
