/// Whether the expert's dispatching unit has approved the expert (单位审核).
public enum DemoApprovalStatus: String, Sendable, Codable, CaseIterable {
    case approved
    case pending
    case rejected
}
