/// The highest degree held.
public enum Degree: String, Vocabulary, Comparable {
    case phd
    case master
    case bachelor
    case other

    public var label: String {
        switch self {
        case .phd: "博士"
        case .master: "硕士"
        case .bachelor: "学士"
        case .other: "其他"
        }
    }

    public var synonyms: [String] {
        switch self {
        case .phd: ["博士研究生", "博士学位", "doctor", "ph.d."]
        case .master: ["硕士研究生", "硕士学位"]
        case .bachelor: ["本科", "学士学位", "大学本科"]
        case .other: ["大专", "专科", "无"]
        }
    }

    var rank: Int {
        switch self {
        case .phd: 3
        case .master: 2
        case .bachelor: 1
        case .other: 0
        }
    }

    public static func < (lhs: Degree, rhs: Degree) -> Bool { lhs.rank < rhs.rank }
}
