/// The registration status of an enterprise or dispatching unit.
public enum OrganizationStatus: String, LifecycleState {
    case pending
    case approved
    case rejected
    /// Folded into another record (duplicate registration); kept for history.
    case merged

    public static let lifecycleName = "机构"

    public var label: String {
        switch self {
        case .pending: "待审核"
        case .approved: "已通过"
        case .rejected: "未通过"
        case .merged: "已合并"
        }
    }

    public static let transitions: [OrganizationStatus: Set<OrganizationStatus>] = [
        .pending: [.approved, .rejected, .merged],
        .approved: [.merged],
        .rejected: [.pending, .merged],
        .merged: [],
    ]

    public static let reasonRequired: Set<OrganizationStatus> = [.rejected]
}
