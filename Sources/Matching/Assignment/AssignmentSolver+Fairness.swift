extension AssignmentSolver {
    /// Fairness mode: the largest threshold θ such that using only edges with score ≥ θ still fills the
    /// maximum number of slots (binary search over the distinct scores), then max total score above θ.
    static func solveFair(
        _ prepared: AssignmentPreparedProblem, refreshInterval: Int?
    ) -> (AssignmentPreparedProblem, MinCostFlowNetwork) {
        let full = solveFlow(prepared, refreshInterval: refreshInterval)
        let target = filledSlots(full)
        let scores = Array(Set(prepared.edgeScore)).sorted()
        guard target > 0, scores.count > 1 else { return (prepared, full) }
        var low = 0
        var high = scores.count - 1
        var best = (prepared, full)
        while low < high {
            let mid = (low + high + 1) / 2
            let candidate = prepared.keepingEdges(minimumScore: scores[mid])
            let network = solveFlow(candidate, refreshInterval: refreshInterval)
            if filledSlots(network) == target {
                low = mid
                best = (candidate, network)
            } else {
                high = mid - 1
            }
        }
        return best
    }
}
