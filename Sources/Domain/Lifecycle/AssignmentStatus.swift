/// The status of an assignment (one commissioner's term at one enterprise).
public enum AssignmentStatus: String, LifecycleState {
    case active
    case completed
    case terminated
    /// Ended by renewal: a new assignment continues it for the same person.
    case renewed

    public static let lifecycleName = "选派任务"

    public var label: String {
        switch self {
        case .active: "服务中"
        case .completed: "期满结束"
        case .terminated: "提前终止"
        case .renewed: "已续派"
        }
    }

    public static let transitions: [AssignmentStatus: Set<AssignmentStatus>] = [
        .active: [.completed, .terminated, .renewed],
        .completed: [],
        .terminated: [],
        .renewed: [],
    ]

    public static let reasonRequired: Set<AssignmentStatus> = [.terminated]
}
