/// Feasibility check to run before a batch is solved: which needs cannot be (fully) filled, and why.
public enum AssignmentFeasibility {
    /// Returns one shortfall per need that no assignment can fill (reason code, involved experts and
    /// needs, and a Simplified Chinese message); empty when every demand can be met. Throws when the
    /// locks themselves are infeasible.
    public static func check(
        _ problem: AssignmentProblem, options: AssignmentOptions = AssignmentOptions()
    ) throws(AssignmentError) -> [FeasibilityShortfall] {
        var plain = options
        plain.objective = .totalScore
        return try AssignmentSolver().solve(problem, options: plain).shortfalls
    }
}
