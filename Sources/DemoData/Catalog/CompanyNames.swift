/// Pieces of synthetic enterprise names: trade-name characters and legal-form suffixes.
///
/// Names are assembled at random and are invented; the trade names avoid those of well-known Jilin firms.
enum CompanyNames {
    static let tradeCharacters: [String] = [
        "华", "瑞", "泰", "博", "恒", "鑫", "宏", "远", "嘉", "创", "盛", "达", "信", "源", "德", "通",
        "联", "科", "卓", "越", "晟", "昊", "辰", "邦", "诚", "安", "裕", "丰", "益", "兴", "启", "航",
        "睿", "智", "拓", "宇", "润", "峰", "川", "松", "桦", "鸿", "鼎", "驰", "泽", "朗",
    ]

    /// Two-character trade names that belong to real, well-known companies in the province.
    static let avoided: Set<String> = ["华微", "亚泰", "修正", "敖东", "紫鑫", "奥普", "吉恩", "光华", "通化", "长光", "一汽"]

    static let suffixes: [(String, Int)] = [
        ("科技有限公司", 5), ("有限公司", 3), ("股份有限公司", 2), ("技术有限公司", 2), ("有限责任公司", 1),
    ]

    /// A two-character trade name not in `avoided`.
    static func tradeName(using rng: inout SplitMix64) -> String {
        while true {
            let first = rng.pick(tradeCharacters)
            let second = rng.pick(tradeCharacters)
            let name = first + second
            if first != second, !avoided.contains(name) { return name }
        }
    }

    /// A legal-form suffix, weighted towards 科技有限公司.
    static func suffix(using rng: inout SplitMix64) -> String {
        suffixes[rng.weightedIndex(suffixes.map(\.1))].0
    }
}
