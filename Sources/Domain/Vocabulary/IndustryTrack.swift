/// One of the seven industry tracks (产业方向); the codes match the seeded taxonomy table.
public enum IndustryTrack: String, Vocabulary {
    case agriculture
    case equipment
    case bigdata
    case newEnergy = "new_energy"
    case newMaterials = "new_materials"
    case newMedicine = "new_medicine"
    case optoelectronics

    public var label: String {
        switch self {
        case .agriculture: "大农业"
        case .equipment: "大装备"
        case .bigdata: "大数据"
        case .newEnergy: "新能源"
        case .newMaterials: "新材料"
        case .newMedicine: "新医药"
        case .optoelectronics: "光电信息"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .agriculture: ["农业", "现代农业"]
        case .equipment: ["装备", "装备制造", "高端装备"]
        case .bigdata: ["big_data", "数字经济"]
        case .newEnergy: ["新能源汽车"]
        case .newMaterials: ["材料"]
        case .newMedicine: ["医药", "生物医药"]
        case .optoelectronics: ["光电", "光电子"]
        }
    }
}
