/// An annual or final assessment grade, ordered fail < pass < good < excellent.
public enum AssessmentGrade: String, Vocabulary, Comparable {
    case excellent
    case good
    case pass
    case fail

    public var label: String {
        switch self {
        case .excellent: "优秀"
        case .good: "良好"
        case .pass: "合格"
        case .fail: "不合格"
        }
    }

    var rank: Int {
        switch self {
        case .excellent: 3
        case .good: 2
        case .pass: 1
        case .fail: 0
        }
    }

    public static func < (lhs: AssessmentGrade, rhs: AssessmentGrade) -> Bool { lhs.rank < rhs.rank }
}
