/// Exact min-cost max-flow on a `MinCostFlowNetwork`, in three phases.
///
/// 1. Warm start: for each need in id order, successive shortest paths from that need to the sink over
///    the expert side only (Dijkstra with potentials, early exit). Searches stay local, which is what
///    makes large sparse instances fast. Potentials stay valid on the expert side of the network.
/// 2. Repair: label-correcting Bellman–Ford over the whole residual network, starting from those
///    potentials, cancelling every negative cycle it finds (these pass through the need-side caps, e.g.
///    a need filled earlier that should give its expert to a need left unfilled). Afterwards the
///    potentials are valid everywhere, so the flow is a min-cost flow for its value.
/// 3. Completion: successive shortest paths from the source over the whole network until the sink is
///    unreachable, which makes the flow maximum while keeping it min-cost.
/// When every need is filled in phase 1 and no upstream cap binds, phases 2 and 3 are one linear pass.
struct MinCostFlowSolver {
    let network: MinCostFlowNetwork
    /// Nodes finalized between potential refreshes (`nil`: automatic, `0`: never).
    var refreshInterval: Int?

    func run() {
        let dijkstra = MinCostFlowDijkstra(graph: network.graph)
        dijkstra.loadPotentials()
        warmStart(dijkstra)
        dijkstra.storePotentials()
        MinCostFlowCycleRepair(graph: network.graph).run()
        dijkstra.loadPotentials()
        complete(dijkstra)
        dijkstra.storePotentials()
    }

    private func warmStart(_ dijkstra: MinCostFlowDijkstra) {
        let sink = MinCostFlowNetwork.sink
        // A refresh scans every arc once; it pays off once the searches since the last one have finalized
        // about a tenth as many nodes (measured on the contested bench instance). Counts only, so the
        // schedule (and hence the result) is deterministic.
        let graph = network.graph
        let refreshEvery = refreshInterval ?? max((graph.arcCount + 4 * graph.nodeCount) / 20, 1024)
        var nextRefresh = refreshEvery
        for i in 0..<network.needCount {
            if refreshEvery > 0 && dijkstra.finalized >= nextRefresh {
                dijkstra.refresh(to: sink, lowestNode: network.needBase, needLimit: network.needBase + i)
                nextRefresh = dijkstra.finalized + refreshEvery
            }
            let node = network.needBase + i
            while network.upstreamResidual(need: node) > 0 {
                guard dijkstra.search(from: node, to: sink, lowestNode: network.needBase, warmStart: true) else {
                    break
                }
                // Every warm-start path starts with a need→expert arc of capacity 1: the bottleneck is 1.
                let amount: Int32 = 1
                dijkstra.augment(to: sink, from: node, amount)
                network.pushUpstream(need: node, amount)
            }
        }
    }

    private func complete(_ dijkstra: MinCostFlowDijkstra) {
        let source = MinCostFlowNetwork.source
        let sink = MinCostFlowNetwork.sink
        while dijkstra.search(from: source, to: sink, lowestNode: 0) {
            dijkstra.augment(to: sink, from: source, dijkstra.bottleneck(to: sink, from: source))
        }
    }
}
