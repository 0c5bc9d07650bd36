/// What an organization is: an enterprise, or a dispatching unit (university, institute, new R&D institution).
public enum OrganizationKind: String, Vocabulary {
    case enterprise
    case university
    case institute
    case rndInstitution = "rnd_institution"

    public var label: String {
        switch self {
        case .enterprise: "企业"
        case .university: "高校"
        case .institute: "科研院所"
        case .rndInstitution: "新型研发机构"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .enterprise: ["公司"]
        case .university: ["大学", "高等院校", "学院"]
        case .institute: ["研究所", "研究院", "科研机构"]
        case .rndInstitution: ["新型研发机构（派出单位）"]
        }
    }

    /// Whether this kind sends experts (派出单位).
    public var isDispatchingUnit: Bool { self != .enterprise }
}
