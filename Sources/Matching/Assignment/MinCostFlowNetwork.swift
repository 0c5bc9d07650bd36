/// The assignment encoded as one flow network:
/// source → region(quota) → enterprise(cap) → need(demand) → expert(1 per edge) → unit(quota) → sink.
///
/// Layers without constraints are skipped (a need hangs off the source when there are no enterprise
/// caps, an expert goes straight to the sink when there are no unit quotas). Each need→expert arc
/// costs `costOffset - score`: every source–sink path crosses exactly one such arc, so for a fixed
/// number of filled slots the minimum cost is the maximum score, and min-cost *max*-flow is the
/// lexicographic objective (slots first, then score).
final class MinCostFlowNetwork {
    static let source = 0
    static let sink = 1
    let graph: MinCostFlowGraph
    let regionBase: Int
    let enterpriseBase: Int
    let needBase: Int
    let expertBase: Int
    let unitBase: Int
    let needCount: Int
    let expertCount: Int
    let costOffset: Int32
    /// For region, enterprise and need nodes: the forward arc from the parent node (else -1).
    let upArc: [Int32]
    /// CSR arc of each free edge of the prepared problem (same order as `edgeExpert`).
    let edgeArc: [Int32]
    /// Arc expert→unit/sink of each expert.
    let expertArc: [Int32]

    init(_ problem: AssignmentPreparedProblem) {
        let needs = problem.needCount
        let experts = problem.expertCount
        let enterprises = problem.needEnterprise.isEmpty ? 0 : problem.enterpriseCap.count
        let regions = problem.enterpriseRegion.isEmpty ? 0 : problem.regionQuota.count
        let units = problem.expertUnit.isEmpty ? 0 : problem.unitQuota.count
        regionBase = 2
        enterpriseBase = regionBase + regions
        needBase = enterpriseBase + enterprises
        expertBase = needBase + needs
        unitBase = expertBase + experts
        needCount = needs
        expertCount = experts
        let nodeCount = unitBase + units
        let unlimited = Int32(clamping: problem.demand.reduce(0, +) + 1)
        costOffset = (problem.edgeScore.max() ?? 0) + 1
        var arcs = MinCostFlowArcList(reserve: needs + experts + enterprises + regions + units)
        var upPosition = [Int](repeating: -1, count: nodeCount)
        for r in 0..<regions {
            let quota = problem.regionQuota[r].map { Int32(clamping: $0) } ?? unlimited
            upPosition[regionBase + r] = arcs.add(Self.source, regionBase + r, capacity: quota)
        }
        for e in 0..<enterprises {
            let parent = regions > 0 ? regionBase + problem.enterpriseRegion[e] : Self.source
            let cap = problem.enterpriseCap[e].map { Int32(clamping: $0) } ?? unlimited
            upPosition[enterpriseBase + e] = arcs.add(parent, enterpriseBase + e, capacity: cap)
        }
        for i in 0..<needs {
            let parent = enterprises > 0 ? enterpriseBase + problem.needEnterprise[i] : Self.source
            upPosition[needBase + i] = arcs.add(parent, needBase + i, capacity: Int32(clamping: problem.demand[i]))
        }
        // The need→expert arcs go straight into the CSR, logically between the up arcs and the expert arcs.
        let block = MinCostFlowEdgeBlock(problem, needBase: needBase, expertBase: expertBase, costOffset: costOffset)
        let firstExpertArc = arcs.count
        for j in 0..<experts {
            let child = units > 0 ? unitBase + problem.expertUnit[j] : Self.sink
            arcs.add(expertBase + j, child, capacity: Int32(clamping: problem.capacity[j]))
        }
        for u in 0..<units {
            let quota = problem.unitQuota[u].map { Int32(clamping: $0) } ?? unlimited
            arcs.add(unitBase + u, Self.sink, capacity: quota)
        }
        var edgeArc: [Int32] = []
        graph = MinCostFlowGraph(
            nodeCount: nodeCount, arcs: &arcs, edges: block, edgesAfter: firstExpertArc, edgeArc: &edgeArc)
        self.edgeArc = edgeArc
        upArc = upPosition.map { $0 < 0 ? -1 : arcs.forwardIndex[$0] }
        expertArc = Array(arcs.forwardIndex[firstExpertArc..<(firstExpertArc + experts)])
        var degree = [Int](repeating: 0, count: experts)
        for expert in problem.edgeExpert { degree[Int(expert)] += 1 }
        graph.hubs = MinCostFlowHubIndex(
            needRange: needBase..<expertBase, expertRange: expertBase..<unitBase, childArc: expertArc,
            childHead: (0..<experts).map { Int32(units > 0 ? unitBase + problem.expertUnit[$0] : Self.sink) },
            capacity: (0..<experts).map { min(problem.capacity[$0], degree[$0]) })
        for e in 0..<experts { graph.hubs?.setSpare(expert: expertBase + e, graph.residual[Int(expertArc[e])]) }
        graph.packedArcs = MinCostFlowPackedArcs(
            graph: graph, needRange: needBase..<expertBase, expertRange: expertBase..<unitBase)
    }

    /// Parent node of a region, enterprise or need node (the tail of its `upArc`).
    @inline(__always) func parent(of node: Int) -> Int {
        Int(graph.head[Int(graph.mate[Int(upArc[node])])])
    }

    /// Residual capacity from the source down to `need` through its region/enterprise chain.
    func upstreamResidual(need node: Int) -> Int32 {
        var v = node
        var room = Int32.max
        while v != Self.source {
            room = min(room, graph.residual[Int(upArc[v])])
            v = parent(of: v)
        }
        return room
    }

    /// Pushes `amount` from the source down to `need` along its chain.
    func pushUpstream(need node: Int, _ amount: Int32) {
        var v = node
        while v != Self.source {
            graph.push(Int(upArc[v]), amount)
            v = parent(of: v)
        }
    }
}
