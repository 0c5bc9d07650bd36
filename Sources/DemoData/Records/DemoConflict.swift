import Domain

/// A conflict of interest between an expert or a unit and an enterprise; exactly one of the two party ids is set.
public struct DemoConflict: Sendable, Codable, Equatable {
    /// `conf-001` ….
    public let id: String
    public let expertId: String?
    public let unitId: String?
    public let enterpriseId: String
    public let kind: ConflictKind
    /// Staff's note explaining the link.
    public let note: String
    /// The year the link began.
    public let sinceYear: Int
}
