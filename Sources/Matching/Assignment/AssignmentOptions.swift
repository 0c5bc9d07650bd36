/// How the solver treats existing assignments and which objective it optimises.
public struct AssignmentOptions: Sendable, Equatable {
    /// Which secondary objective follows "fill as many slots as possible".
    public enum Objective: Sendable, Equatable {
        /// Maximise the total score.
        case totalScore
        /// Maximise the lowest score of any filled (need, expert) slot, then the total score.
        case fairness
    }

    public var objective: Objective
    /// Existing assignments; with `fillOnlyMissing` they are kept as locks, otherwise they are ignored.
    public var existing: [AssignmentPair]
    /// Keep `existing` pairs and only fill what is still missing.
    public var fillOnlyMissing: Bool
    /// Tuning and testing knob: nodes the warm-start searches may finalize between two potential refreshes
    /// (`nil`: automatic, `0`: never refresh).
    var refreshInterval: Int?

    public init(objective: Objective = .totalScore, existing: [AssignmentPair] = [], fillOnlyMissing: Bool = false) {
        self.objective = objective
        self.existing = existing
        self.fillOnlyMissing = fillOnlyMissing
    }
}
