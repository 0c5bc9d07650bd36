/// A recognised enterprise qualification.
public enum EnterpriseQualification: String, Vocabulary {
    case highTech = "high_tech"
    case techSME = "tech_sme"
    case specialized

    public var label: String {
        switch self {
        case .highTech: "高新技术企业"
        case .techSME: "科技型中小企业"
        case .specialized: "专精特新"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .highTech: ["高企", "国家高新技术企业"]
        case .techSME: ["科小", "科技型中小"]
        case .specialized: ["专精特新企业", "专精特新中小企业", "专精特新“小巨人”", "小巨人"]
        }
    }
}
