/// What an expert (专家) fills in to register: identity, qualifications, expertise and contact.
public struct ExpertProfile: Sendable, Codable, Equatable {
    public var name: String
    /// The dispatching unit's name as typed; storage resolves it to the unit record.
    public var unitName: String
    public var degree: Degree?
    public var titleLevel: TitleLevel?
    /// The title as written on the certificate, e.g. 教授, 高级工程师.
    public var titleName: String?
    public var birthYear: Int?
    public var disciplineCodes: [String]
    public var tracks: [IndustryTrack]
    public var keywords: [String]
    public var summary: String
    public var mobile: String
    public var email: String
    /// Holds a management post (担任管理职务); such experts are not eligible by default.
    public var holdsManagementPost: Bool
    /// Where the expert works: a 6-digit city code in the province, or a 2-digit province code.
    public var regionCode: String?

    public init(
        name: String, unitName: String, degree: Degree? = nil, titleLevel: TitleLevel? = nil,
        titleName: String? = nil, birthYear: Int? = nil, disciplineCodes: [String] = [],
        tracks: [IndustryTrack] = [], keywords: [String] = [], summary: String = "",
        mobile: String = "", email: String = "", holdsManagementPost: Bool = false, regionCode: String? = nil
    ) {
        self.name = name
        self.unitName = unitName
        self.degree = degree
        self.titleLevel = titleLevel
        self.titleName = titleName
        self.birthYear = birthYear
        self.disciplineCodes = disciplineCodes
        self.tracks = tracks
        self.keywords = keywords
        self.summary = summary
        self.mobile = mobile
        self.email = email
        self.holdsManagementPost = holdsManagementPost
        self.regionCode = regionCode
    }

    enum CodingKeys: String, CodingKey {
        case name, degree, tracks, keywords, summary, mobile, email
        case unitName = "unit_name"
        case titleLevel = "title_level"
        case titleName = "title_name"
        case birthYear = "birth_year"
        case disciplineCodes = "discipline_codes"
        case holdsManagementPost = "holds_management_post"
        case regionCode = "region_code"
    }
}
