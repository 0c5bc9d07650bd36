/// Who owns intellectual property that a need's work produces.
public enum IPArrangement: String, Vocabulary {
    case enterpriseOwned = "enterprise_owned"
    case unitOwned = "unit_owned"
    case jointlyOwned = "jointly_owned"
    case byAgreement = "by_agreement"
    case notApplicable = "not_applicable"

    public var label: String {
        switch self {
        case .enterpriseOwned: "归企业所有"
        case .unitOwned: "归派出单位所有"
        case .jointlyOwned: "双方共有"
        case .byAgreement: "另行约定"
        case .notApplicable: "不涉及"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .enterpriseOwned: ["企业所有", "企业"]
        case .unitOwned: ["单位所有", "派出单位"]
        case .jointlyOwned: ["共有", "共同所有"]
        case .byAgreement: ["协商", "协商确定"]
        case .notApplicable: ["无"]
        }
    }
}
