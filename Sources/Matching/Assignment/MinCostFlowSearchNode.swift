/// Per-node state of `MinCostFlowDijkstra`, packed so that a search touches one cache line per node:
/// the potential (the search's working copy of `MinCostFlowGraph.potential`), the tentative label, the
/// generation stamp (`gen`: labelled, `gen + 1`: finalized in the current search), and the parent arc and
/// node, so a path is walked without reading the big arc arrays.
struct MinCostFlowSearchNode {
    var potential: Int = 0
    var dist: Int = 0
    var stamp: UInt32 = 0
    var parentArc: Int32 = -1
    var parentNode: Int32 = -1
    /// Need nodes: an upper bound on the potentials of the need's experts (see `MinCostFlowDijkstra`).
    var ceiling: Int32 = 0
}
