/// An earlier cooperation between an expert or a unit and an enterprise; exactly one party id is set.
public struct DemoCooperation: Sendable, Codable, Equatable {
    /// `coop-001` ….
    public let id: String
    public let expertId: String?
    public let unitId: String?
    public let enterpriseId: String
    public let year: Int
    /// What the two did together.
    public let title: String
}
