/// The status of an expert's profile and availability.
public enum ExpertStatus: String, LifecycleState {
    case registered
    /// Edited after approval: back with the dispatching unit for re-approval.
    case pendingReapproval = "pending_reapproval"
    case approved
    case screened
    case available
    case dispatched
    case suspended

    public static let lifecycleName = "专家"

    public var label: String {
        switch self {
        case .registered: "已注册"
        case .pendingReapproval: "待单位重新审核"
        case .approved: "单位已审核"
        case .screened: "已形式审查"
        case .available: "可选派"
        case .dispatched: "已选派"
        case .suspended: "已暂停"
        }
    }

    public static let transitions: [ExpertStatus: Set<ExpertStatus>] = [
        .registered: [.approved, .suspended],
        .pendingReapproval: [.approved, .suspended],
        .approved: [.screened, .pendingReapproval, .suspended],
        .screened: [.available, .pendingReapproval, .suspended],
        .available: [.dispatched, .pendingReapproval, .suspended],
        .dispatched: [.available, .suspended],
        .suspended: [.available],
    ]

    public static let reasonRequired: Set<ExpertStatus> = [.suspended]

    /// The status after the expert edits the profile: approved profiles go back to the unit.
    ///
    /// A dispatched expert's edit does not interrupt the dispatch; the unit sees it at the next review.
    public static func afterEdit(of status: ExpertStatus) -> ExpertStatus {
        switch status {
        case .approved, .screened, .available: .pendingReapproval
        default: status
        }
    }

    /// Whether the matcher may propose the expert.
    public var isMatchable: Bool { self == .available }
}
