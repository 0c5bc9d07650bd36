/// A row of the GB/T 13745-2009 discipline table embedded for synthetic data.
public struct DisciplineEntry: Sendable, Equatable {
    public var code: String
    public var chineseName: String
    public var englishName: String
    /// Set when the code was written from memory and could not be checked against the standard's text.
    public var unverified: Bool
}

/// The first-level GB/T 13745 codes the seven tracks use and the second-level codes the generator draws.
///
/// First-level codes are well known. Second-level codes were written from memory of GB/T 13745-2009 and
/// are marked `unverified` where there is real doubt. Chemistry is 150 in the standard (416 is
/// 自然科学相关工程与技术), and 复合材料 is 430.55 to the best of our knowledge (not 430.25, which we
/// believe is 材料检测与分析技术).
public enum DisciplineCatalog {
    static func entry(_ code: String, _ zh: String, _ en: String, unverified: Bool = false) -> DisciplineEntry {
        DisciplineEntry(code: code, chineseName: zh, englishName: en, unverified: unverified)
    }

    public static let entries: [DisciplineEntry] = [
        entry("130", "力学", "mechanics"),
        entry("140", "物理学", "physics"),
        entry("14030", "光学", "optics", unverified: true),
        entry("150", "化学", "chemistry"),
        entry("180", "生物学", "biology"),
        entry("210", "农学", "agronomy"),
        entry("21030", "农艺学", "agronomy (crop science)", unverified: true),
        entry("21050", "土壤学", "soil science", unverified: true),
        entry("21060", "植物保护学", "plant protection", unverified: true),
        entry("230", "畜牧、兽医科学", "animal husbandry and veterinary science"),
        entry("23010", "畜牧学", "animal husbandry", unverified: true),
        entry("23020", "兽医学", "veterinary medicine", unverified: true),
        entry("240", "水产学", "fishery science"),
        entry("24020", "水产养殖学", "aquaculture", unverified: true),
        entry("310", "基础医学", "basic medicine"),
        entry("320", "临床医学", "clinical medicine"),
        entry("350", "药学", "pharmacy"),
        entry("35010", "药物化学", "medicinal chemistry", unverified: true),
        entry("35020", "生物药物学", "biopharmaceutics", unverified: true),
        entry("35035", "药剂学", "pharmaceutics", unverified: true),
        entry("35040", "药效学", "pharmacodynamics", unverified: true),
        entry("360", "中医学与中药学", "traditional Chinese medicine and materia medica"),
        entry("36040", "中药学", "Chinese materia medica", unverified: true),
        entry("430", "材料科学", "materials science"),
        entry("43010", "材料科学基础学科", "materials science fundamentals", unverified: true),
        entry("43040", "金属材料", "metallic materials", unverified: true),
        entry("43045", "无机非金属材料", "inorganic non-metallic materials", unverified: true),
        entry("43050", "有机高分子材料", "organic polymer materials", unverified: true),
        entry("43055", "复合材料", "composite materials", unverified: true),
        entry("450", "冶金工程技术", "metallurgical engineering"),
        entry("460", "机械工程", "mechanical engineering"),
        entry("46020", "机械设计", "mechanical design", unverified: true),
        entry("46025", "机械制造工艺与设备", "manufacturing processes and equipment", unverified: true),
        entry("46040", "仪器仪表技术", "instrumentation", unverified: true),
        entry("46045", "流体传动与控制", "fluid power transmission and control", unverified: true),
        entry("470", "动力与电气工程", "power and electrical engineering"),
        entry("47040", "电气工程", "electrical engineering", unverified: true),
        entry("480", "能源科学技术", "energy science and technology"),
        entry("48040", "储能技术", "energy storage", unverified: true),
        entry("48060", "一次能源", "primary energy", unverified: true),
        entry("48070", "二次能源", "secondary energy", unverified: true),
        entry("510", "电子与通信技术", "electronics and communication"),
        entry("51020", "光电子学与激光技术", "optoelectronics and laser technology", unverified: true),
        entry("51030", "半导体技术", "semiconductor technology", unverified: true),
        entry("51050", "通信技术", "communication technology", unverified: true),
        entry("520", "计算机科学技术", "computer science and technology"),
        entry("52020", "人工智能", "artificial intelligence", unverified: true),
        entry("52040", "计算机软件", "computer software", unverified: true),
        entry("52060", "计算机应用", "computer applications", unverified: true),
        entry("530", "化学工程", "chemical engineering"),
        entry("53055", "电化学工程", "electrochemical engineering", unverified: true),
        entry("53060", "生物化学工程", "biochemical engineering", unverified: true),
        entry("550", "食品科学技术", "food science and technology"),
        entry("55020", "食品加工技术", "food processing", unverified: true),
        entry("580", "交通运输工程", "transportation engineering"),
        entry("610", "环境科学技术及资源科学技术", "environmental and resource science and technology"),
    ]

    /// The entry for a code, if the table has it.
    public static func entry(for code: String) -> DisciplineEntry? {
        entries.first { $0.code == code }
    }
}
