/// The level of a professional title (职称级别), ordered from none to senior.
public enum TitleLevel: String, Vocabulary, Comparable {
    case senior
    case associateSenior = "associate_senior"
    case intermediate
    case junior
    case none

    public var label: String {
        switch self {
        case .senior: "正高"
        case .associateSenior: "副高"
        case .intermediate: "中级"
        case .junior: "初级"
        case .none: "无"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .senior: ["正高级", "教授", "研究员", "正高级工程师", "教授级高级工程师", "主任医师"]
        case .associateSenior: ["副高级", "副教授", "副研究员", "高级工程师", "副主任医师", "高工"]
        case .intermediate: ["中级职称", "讲师", "助理研究员", "工程师", "主治医师"]
        case .junior: ["初级职称", "助教", "研究实习员", "助理工程师"]
        case .none: ["无职称", "其他"]
        }
    }

    var rank: Int {
        switch self {
        case .senior: 4
        case .associateSenior: 3
        case .intermediate: 2
        case .junior: 1
        case .none: 0
        }
    }

    /// 副高 and above, which with a PhD is the eligibility bar.
    public var isSeniorOrAssociate: Bool { self >= .associateSenior }

    public static func < (lhs: TitleLevel, rhs: TitleLevel) -> Bool { lhs.rank < rhs.rank }
}
