/// The status of a match batch (匹配批次).
public enum BatchStatus: String, LifecycleState {
    case created
    case queued
    case running
    case failed
    case proposalsReady = "proposals_ready"
    case underReview = "under_review"
    case published
    case finalized
    case cancelled

    public static let lifecycleName = "匹配批次"

    public var label: String {
        switch self {
        case .created: "已创建"
        case .queued: "排队中"
        case .running: "匹配中"
        case .failed: "匹配失败"
        case .proposalsReady: "推荐名单已生成"
        case .underReview: "评审中"
        case .published: "公示中"
        case .finalized: "已完成选派"
        case .cancelled: "已取消"
        }
    }

    public static let transitions: [BatchStatus: Set<BatchStatus>] = [
        .created: [.queued, .cancelled],
        .queued: [.running, .cancelled],
        .running: [.proposalsReady, .failed, .cancelled],
        .failed: [.queued, .cancelled],
        // Back to the queue: "fill only what is missing" after staff locked the pairs they keep.
        .proposalsReady: [.underReview, .queued, .cancelled],
        .underReview: [.published, .queued, .cancelled],
        .published: [.finalized, .cancelled],
        .finalized: [],
        .cancelled: [],
    ]

    public static let reasonRequired: Set<BatchStatus> = [.cancelled]
}
