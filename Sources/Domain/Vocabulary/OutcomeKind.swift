/// A kind of outcome a commissioner's service produced (the headline figures count these).
public enum OutcomeKind: String, Vocabulary {
    case project
    case achievementTransfer = "achievement_transfer"
    case standard
    case newProduct = "new_product"
    case platform
    case staffTrained = "staff_trained"
    case contract
    case patent

    public var label: String {
        switch self {
        case .project: "创新项目"
        case .achievementTransfer: "科技成果转化"
        case .standard: "企业技术标准"
        case .newProduct: "新产品"
        case .platform: "校企联合创新平台"
        case .staffTrained: "培养企业科技骨干"
        case .contract: "技术合同"
        case .patent: "专利"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .project: ["项目"]
        case .achievementTransfer: ["成果转化"]
        case .standard: ["标准"]
        case .newProduct: ["新产品开发"]
        case .platform: ["平台", "创新平台"]
        case .staffTrained: ["科技骨干", "人才培养"]
        case .contract: ["五技合同"]
        case .patent: []
        }
    }
}
