/// The status of an enterprise need (企业技术需求).
public enum NeedStatus: String, LifecycleState {
    case draft
    case submitted
    /// Screened and sent back for changes, with a reason; the enterprise edits and resubmits.
    case returned
    /// Screened and accepted: visible to matching.
    case open
    case proposed
    case dispatched
    case solved
    case closed
    /// Past its validity period; staff or the enterprise can renew it back to open.
    case expired
    case withdrawn

    public static let lifecycleName = "需求"

    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已提交"
        case .returned: "已退回修改"
        case .open: "征集中"
        case .proposed: "已推荐"
        case .dispatched: "已选派"
        case .solved: "已解决"
        case .closed: "已关闭"
        case .expired: "已过期"
        case .withdrawn: "已撤回"
        }
    }

    public static let transitions: [NeedStatus: Set<NeedStatus>] = [
        .draft: [.submitted, .withdrawn],
        .submitted: [.open, .returned, .withdrawn],
        .returned: [.submitted, .draft, .withdrawn],
        .open: [.proposed, .expired, .closed, .withdrawn],
        // A proposal that is not selected in review puts the need back for the follow-up round.
        .proposed: [.dispatched, .open],
        .dispatched: [.solved, .closed],
        .expired: [.open, .closed],
        .solved: [],
        .closed: [],
        .withdrawn: [],
    ]

    public static let reasonRequired: Set<NeedStatus> = [.returned, .closed]

    /// Whether the matcher may consider the need.
    public var isMatchable: Bool { self == .open }
}
