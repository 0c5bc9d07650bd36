/// The five technology contract types (五技合同).
public enum ContractType: String, Vocabulary {
    case development
    case transfer
    case licence
    case consulting
    case service

    public var label: String {
        switch self {
        case .development: "技术开发"
        case .transfer: "技术转让"
        case .licence: "技术许可"
        case .consulting: "技术咨询"
        case .service: "技术服务"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .development: ["技术开发合同"]
        case .transfer: ["技术转让合同"]
        case .licence: ["技术许可合同", "license"]
        case .consulting: ["技术咨询合同"]
        case .service: ["技术服务合同"]
        }
    }
}
