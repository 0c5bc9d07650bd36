/// The encoded assignment problem: dense 0-based indices for needs, experts, enterprises, regions and units.
///
/// The need side is a hierarchy (region ⊇ enterprise ⊇ need) and the expert side has units, so every
/// constraint is a capacity in one flow network. Empty grouping arrays mean "no such constraint".
public struct AssignmentProblem: Sendable {
    /// Experts wanted per need (`1` unless the need asks for a team).
    public var needDemand: [Int]
    /// Remaining capacity per expert: the batch limit minus the expert's active assignments.
    public var expertCapacity: [Int]
    /// Candidate pairs; at most one per (need, expert).
    public var edges: [AssignmentEdge]
    /// Enterprise index of each need, or empty when enterprise caps do not apply.
    public var needEnterprise: [Int]
    /// Maximum experts per enterprise across all its needs (`nil` entries are unlimited).
    public var enterpriseCap: [Int?]
    /// Region index of each enterprise, or empty when region quotas do not apply.
    public var enterpriseRegion: [Int]
    /// Maximum assignments per region (`nil` entries are unlimited).
    public var regionQuota: [Int?]
    /// Dispatching-unit index of each expert, or empty when unit quotas do not apply.
    public var expertUnit: [Int]
    /// Maximum assignments per dispatching unit (`nil` entries are unlimited).
    public var unitQuota: [Int?]
    /// Pairs that are fixed in every result; they consume capacity, caps and quotas.
    public var locked: [AssignmentPair]
    /// Pairs that never appear in a result, even if an edge exists.
    public var forbidden: [AssignmentPair]

    public init(
        needDemand: [Int],
        expertCapacity: [Int],
        edges: [AssignmentEdge],
        needEnterprise: [Int] = [],
        enterpriseCap: [Int?] = [],
        enterpriseRegion: [Int] = [],
        regionQuota: [Int?] = [],
        expertUnit: [Int] = [],
        unitQuota: [Int?] = [],
        locked: [AssignmentPair] = [],
        forbidden: [AssignmentPair] = []
    ) {
        self.needDemand = needDemand
        self.expertCapacity = expertCapacity
        self.edges = edges
        self.needEnterprise = needEnterprise
        self.enterpriseCap = enterpriseCap
        self.enterpriseRegion = enterpriseRegion
        self.regionQuota = regionQuota
        self.expertUnit = expertUnit
        self.unitQuota = unitQuota
        self.locked = locked
        self.forbidden = forbidden
    }

    public var needCount: Int { needDemand.count }
    public var expertCount: Int { expertCapacity.count }
}
