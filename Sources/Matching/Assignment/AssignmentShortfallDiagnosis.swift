/// Explains every need left (partly) unfilled by an optimal flow, most specific reason first.
///
/// Order: no candidate edge → every candidate expert without capacity → enterprise cap → region quota →
/// competition. Competition is read off the residual graph: the needs and experts reachable from the
/// unfilled need (the sink side of a minimum cut is out of reach), whose experts are all saturated.
struct AssignmentShortfallDiagnosis {
    /// The problem before fairness filtering (for the static reasons).
    let prepared: AssignmentPreparedProblem
    /// The problem the network was built from.
    let solved: AssignmentPreparedProblem
    let network: MinCostFlowNetwork

    func shortfalls() -> [FeasibilityShortfall] {
        var result: [FeasibilityShortfall] = []
        let graph = network.graph
        for i in 0..<prepared.needCount {
            let node = network.needBase + i
            let missing = prepared.demand[i] - Int(graph.flow(Int(network.upArc[node])))
            guard missing > 0 else { continue }
            result.append(explain(need: i, missing: missing))
        }
        return result
    }

    private func explain(need i: Int, missing: Int) -> FeasibilityShortfall {
        let range = prepared.edgeStart[i]..<prepared.edgeStart[i + 1]
        if range.isEmpty { return FeasibilityShortfall(need: i, reason: .noEligibleCandidate, missingSlots: missing) }
        let candidates = range.map { Int(prepared.edgeExpert[$0]) }
        if candidates.allSatisfy({ !hasRoom(expert: $0) }) {
            return FeasibilityShortfall(
                need: i, reason: .allCandidatesAtCapacity, missingSlots: missing, experts: candidates)
        }
        let node = network.needBase + i
        if network.enterpriseBase < network.needBase {
            let enterprise = network.parent(of: node)
            if network.graph.residual[Int(network.upArc[enterprise])] == 0 {
                return FeasibilityShortfall(need: i, reason: .enterpriseCapReached, missingSlots: missing)
            }
            if network.regionBase < network.enterpriseBase,
                network.graph.residual[Int(network.upArc[network.parent(of: enterprise)])] == 0
            {
                return FeasibilityShortfall(need: i, reason: .regionQuotaReached, missingSlots: missing)
            }
        }
        let (needs, experts) = reachable(from: node)
        let taken = experts.reduce(0) { $0 + Int(network.graph.flow(Int(network.expertArc[$1]))) }
        return FeasibilityShortfall(
            need: i, reason: .competition, missingSlots: missing, experts: experts, competingNeeds: needs,
            contestedCapacity: taken)
    }

    private func hasRoom(expert j: Int) -> Bool {
        guard prepared.capacity[j] > 0 else { return false }
        if !prepared.expertUnit.isEmpty, let quota = prepared.unitQuota[prepared.expertUnit[j]] { return quota > 0 }
        return true
    }

    /// Needs and experts reachable from `start` in the residual graph on the expert side.
    private func reachable(from start: Int) -> (needs: [Int], experts: [Int]) {
        let graph = network.graph
        var visited = Set([start])
        var stack = [start]
        while let v = stack.popLast() {
            for a in Int(graph.first[v])..<Int(graph.first[v + 1]) where graph.residual[a] > 0 {
                let w = Int(graph.head[a])
                guard w >= network.needBase, w < network.unitBase, visited.insert(w).inserted else { continue }
                stack.append(w)
            }
        }
        let needs = visited.filter { $0 < network.expertBase }.map { $0 - network.needBase }.sorted()
        let experts = visited.filter { $0 >= network.expertBase }.map { $0 - network.expertBase }.sorted()
        return (needs, experts)
    }
}
