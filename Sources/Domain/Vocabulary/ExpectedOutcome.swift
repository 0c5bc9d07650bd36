/// What an enterprise hopes a need will produce.
public enum ExpectedOutcome: String, Vocabulary {
    case technicalSolution = "technical_solution"
    case processImprovement = "process_improvement"
    case newProduct = "new_product"
    case achievementTransfer = "achievement_transfer"
    case standard
    case patent
    case jointPlatform = "joint_platform"
    case staffTraining = "staff_training"
    case jointProject = "joint_project"
    case other

    public var label: String {
        switch self {
        case .technicalSolution: "技术难题解决方案"
        case .processImprovement: "工艺改进"
        case .newProduct: "新产品开发"
        case .achievementTransfer: "科技成果转化"
        case .standard: "技术标准制定"
        case .patent: "专利"
        case .jointPlatform: "共建研发平台"
        case .staffTraining: "人才培养"
        case .jointProject: "联合申报项目"
        case .other: "其他"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .technicalSolution: ["解决方案", "技术攻关"]
        case .processImprovement: ["工艺优化"]
        case .newProduct: ["新产品"]
        case .achievementTransfer: ["成果转化"]
        case .standard: ["标准", "标准制定"]
        case .patent: ["专利申请"]
        case .jointPlatform: ["平台", "研发平台"]
        case .staffTraining: ["培训", "培养科技骨干"]
        case .jointProject: ["项目申报"]
        case .other: []
        }
    }
}
