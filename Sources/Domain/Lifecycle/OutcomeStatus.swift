/// The status of a reported outcome; only verified outcomes count in official figures.
public enum OutcomeStatus: String, LifecycleState {
    case reported
    case verified
    case rejected

    public static let lifecycleName = "成果"

    public var label: String {
        switch self {
        case .reported: "已填报"
        case .verified: "已核实"
        case .rejected: "未通过核实"
        }
    }

    public static let transitions: [OutcomeStatus: Set<OutcomeStatus>] = [
        .reported: [.verified, .rejected],
        .verified: [],
        .rejected: [],
    ]

    public static let reasonRequired: Set<OutcomeStatus> = [.rejected]

    /// Whether the outcome counts in the headline figures.
    public var isCounted: Bool { self == .verified }
}
