/// The optimal assignment: pairs sorted by (need, expert), locked pairs included.
///
/// Objective (lexicographic): first the number of filled (need, expert) slots is maximal, then the
/// total score is maximal among those (or, in fairness mode, the lowest filled score first). When every
/// demand can be met this is exactly "each need gets exactly its demand, maximise the total score".
public struct AssignmentSolution: Sendable, Equatable {
    /// Every assigned pair, locks included, sorted by need then expert.
    public var pairs: [AssignmentPair]
    /// Sum of the scores of `pairs` (a locked pair without a candidate edge counts 0).
    public var totalScore: Int
    /// Number of filled slots (`pairs.count`).
    public var filledSlots: Int { pairs.count }
    /// Sum of all need demands.
    public var demandedSlots: Int
    /// Lowest score among the non-locked pairs, or `nil` when there are none.
    public var minimumScore: Int?
    /// Needs that stay (partly) unfilled and why.
    public var shortfalls: [FeasibilityShortfall]

    public init(
        pairs: [AssignmentPair], totalScore: Int, demandedSlots: Int, minimumScore: Int?,
        shortfalls: [FeasibilityShortfall]
    ) {
        self.pairs = pairs
        self.totalScore = totalScore
        self.demandedSlots = demandedSlots
        self.minimumScore = minimumScore
        self.shortfalls = shortfalls
    }
}
