/// Exact, deterministic solver for the constrained expert assignment (min-cost max-flow).
///
/// Objective: first the number of filled (need, expert) slots is maximal, then the total score (or, with
/// `.fairness`, first the lowest filled score, then the total). Needs may stay unfilled; when every demand
/// can be met this is exactly the benchmark's "each need gets exactly `demand` experts". Locked pairs are
/// fixed before solving and consume capacity, caps and quotas; forbidden pairs never appear. The same input
/// gives the same output: edges are grouped by need and sorted by expert, needs are processed in id order
/// and heap ties break by node id.
public struct AssignmentSolver: Sendable {
    public init() {}

    /// Solves `problem`; throws `AssignmentError.infeasibleLock` naming the first lock that cannot hold.
    public func solve(
        _ problem: AssignmentProblem, options: AssignmentOptions = AssignmentOptions()
    ) throws(AssignmentError) -> AssignmentSolution {
        var locks = problem.locked
        if options.fillOnlyMissing {
            let known = Set(locks)
            locks += Set(options.existing).subtracting(known).sorted()
        }
        let prepared = try AssignmentPreparedProblem(problem, locks: locks)
        let network: MinCostFlowNetwork
        let used: AssignmentPreparedProblem
        switch options.objective {
        case .totalScore:
            used = prepared
            network = Self.solveFlow(prepared, refreshInterval: options.refreshInterval)
        case .fairness:
            (used, network) = Self.solveFair(prepared, refreshInterval: options.refreshInterval)
        }
        return Self.decode(used, network: network, diagnosisBase: prepared)
    }

    static func solveFlow(_ prepared: AssignmentPreparedProblem, refreshInterval: Int? = nil) -> MinCostFlowNetwork {
        let network = MinCostFlowNetwork(prepared)
        MinCostFlowSolver(network: network, refreshInterval: refreshInterval).run()
        return network
    }

    /// Filled slots of a solved network (flow out of the need nodes).
    static func filledSlots(_ network: MinCostFlowNetwork) -> Int {
        (0..<network.needCount).reduce(0) { $0 + Int(network.graph.flow(Int(network.upArc[network.needBase + $1]))) }
    }

    private static func decode(
        _ prepared: AssignmentPreparedProblem, network: MinCostFlowNetwork,
        diagnosisBase: AssignmentPreparedProblem
    ) -> AssignmentSolution {
        var pairs = prepared.locked
        var total = prepared.lockedScore
        var minimum: Int?
        // A need→expert arc has capacity 1: it carries flow exactly when its residual capacity is 0 (read
        // in need order, unlike the reverse arcs the flow is stored on).
        for i in 0..<prepared.needCount {
            for k in prepared.edgeStart[i]..<prepared.edgeStart[i + 1]
            where network.graph.residual[Int(network.edgeArc[k])] == 0 {
                pairs.append(AssignmentPair(need: i, expert: Int(prepared.edgeExpert[k])))
                let score = Int(prepared.edgeScore[k])
                total += score
                minimum = min(minimum ?? score, score)
            }
        }
        pairs.sort()
        let shortfalls = AssignmentShortfallDiagnosis(prepared: diagnosisBase, solved: prepared, network: network)
            .shortfalls()
        let demanded = prepared.demand.reduce(0, +) + prepared.locked.count
        return AssignmentSolution(
            pairs: pairs, totalScore: total, demandedSlots: demanded, minimumScore: minimum, shortfalls: shortfalls)
    }
}
