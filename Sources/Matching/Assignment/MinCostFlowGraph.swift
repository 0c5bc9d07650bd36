/// Residual graph in CSR form (forward-star) with paired reverse arcs, owning its raw buffers.
///
/// One class owns every buffer (no object per node or arc); `deinit` frees them. Capacities are
/// residual capacities; `mate[a]` is the reverse arc of `a`.
final class MinCostFlowGraph {
    let nodeCount: Int
    let arcCount: Int
    /// `first[v]..<first[v+1]` are the arcs leaving `v`.
    let first: UnsafeMutablePointer<Int32>
    let head: UnsafeMutablePointer<Int32>
    let residual: UnsafeMutablePointer<Int32>
    let cost: UnsafeMutablePointer<Int32>
    let mate: UnsafeMutablePointer<Int32>
    /// Node potentials; reduced cost of arc u→v is `cost + potential[u] - potential[v]`.
    let potential: UnsafeMutablePointer<Int>

    /// Builds the CSR from an arc list plus the need→expert arcs of `edges`, which count as added right
    /// after the first `edgesAfter` arcs of the list (so every node's arcs keep the order of addition).
    /// Fills `arcs.forwardIndex` with each listed arc's forward index and `edgeArc` with each block
    /// edge's (in the block's edge order).
    init(
        nodeCount: Int, arcs: inout MinCostFlowArcList, edges: MinCostFlowEdgeBlock, edgesAfter: Int,
        edgeArc: inout [Int32]
    ) {
        precondition(nodeCount < 1 << 26, "too many nodes for the packed heap keys")
        self.nodeCount = nodeCount
        let listed = arcs.count
        arcCount = (listed + edges.count) * 2
        first = .allocate(capacity: nodeCount + 1)
        head = MinCostFlowHugeBuffer.allocate(Int32.self, capacity: arcCount)
        residual = MinCostFlowHugeBuffer.allocate(Int32.self, capacity: arcCount)
        cost = MinCostFlowHugeBuffer.allocate(Int32.self, capacity: arcCount)
        mate = MinCostFlowHugeBuffer.allocate(Int32.self, capacity: arcCount)
        potential = .allocate(capacity: nodeCount)
        potential.initialize(repeating: 0, count: nodeCount)
        first.initialize(repeating: 0, count: nodeCount + 1)
        var forwardIndex = [Int32](repeating: 0, count: listed)
        edgeArc = [Int32](repeating: 0, count: edges.count)
        let fill = UnsafeMutablePointer<Int32>.allocate(capacity: nodeCount)
        defer { fill.deallocate() }
        let first = first
        let head = head
        let residual = residual
        let cost = cost
        let mate = mate
        @inline(__always) func place(_ u: Int, _ v: Int, _ capacity: Int32, _ arcCost: Int32) -> Int32 {
            let forward = Int(fill[u])
            fill[u] += 1
            let backward = Int(fill[v])
            fill[v] += 1
            head[forward] = Int32(v)
            residual[forward] = capacity
            cost[forward] = arcCost
            mate[forward] = Int32(backward)
            head[backward] = Int32(u)
            cost[backward] = -arcCost  // residual[backward] stays 0 (the buffer starts zeroed)
            mate[backward] = Int32(forward)
            return Int32(forward)
        }
        arcs.tail.withUnsafeBufferPointer { tails in
            arcs.head.withUnsafeBufferPointer { heads in
                arcs.capacity.withUnsafeBufferPointer { caps in
                    arcs.cost.withUnsafeBufferPointer { costs in
                        forwardIndex.withUnsafeMutableBufferPointer { index in
                            for k in 0..<listed {
                                first[Int(tails[k]) + 1] += 1
                                first[Int(heads[k]) + 1] += 1
                            }
                            for i in 0..<edges.needCount {
                                first[edges.needBase + i + 1] += Int32(edges.start[i + 1] - edges.start[i])
                            }
                            for e in edges.expert { first[edges.expertBase + Int(e) + 1] += 1 }
                            for v in 0..<nodeCount { first[v + 1] += first[v] }
                            fill.initialize(from: first, count: nodeCount)
                            for k in 0..<min(edgesAfter, listed) {
                                index[k] = place(Int(tails[k]), Int(heads[k]), caps[k], costs[k])
                            }
                            let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: max(edges.widestNeed, 1))
                            defer { keys.deallocate() }
                            edges.expert.withUnsafeBufferPointer { expert in
                                edgeArc.withUnsafeMutableBufferPointer { edgeArc in
                                    for i in 0..<edges.needCount {
                                        let u = edges.needBase + i
                                        let low = edges.start[i]
                                        for p in 0..<edges.sortedKeys(need: i, into: keys) {
                                            let k = low + Int(keys[p] & 0xFFFF_FFFF)
                                            let v = edges.expertBase + Int(expert[k])
                                            edgeArc[k] = place(u, v, 1, Int32(truncatingIfNeeded: keys[p] >> 32))
                                        }
                                    }
                                }
                            }
                            for k in min(edgesAfter, listed)..<listed {
                                index[k] = place(Int(tails[k]), Int(heads[k]), caps[k], costs[k])
                            }
                        }
                    }
                }
            }
        }
        arcs.forwardIndex = forwardIndex
    }

    deinit {
        first.deallocate()
        MinCostFlowHugeBuffer.deallocate(head, capacity: arcCount)
        MinCostFlowHugeBuffer.deallocate(residual, capacity: arcCount)
        MinCostFlowHugeBuffer.deallocate(cost, capacity: arcCount)
        MinCostFlowHugeBuffer.deallocate(mate, capacity: arcCount)
        potential.deallocate()
    }

    /// Served-need lists of the expert nodes and the packed need arcs, if the network has them.
    var hubs: MinCostFlowHubIndex?
    var packedArcs: MinCostFlowPackedArcs?

    /// Sends `amount` units along arc `a` (and back along its mate), keeping `hubs` and `packedArcs` current.
    @inline(__always) func push(_ a: Int, _ amount: Int32) {
        push(a, from: Int(head[Int(mate[a])]), to: Int(head[a]), amount)
    }

    /// `push` for a caller that knows the arc's tail `from` and head `to`.
    @inline(__always) func push(_ a: Int, from: Int, to: Int, _ amount: Int32) {
        let back = Int(mate[a])
        residual[a] -= amount
        residual[back] += amount
        guard let hubs else { return }
        if hubs.expertRange.contains(to) && hubs.needRange.contains(from) {
            packedArcs?.setOpen(forward: a, backward: back, residual[a] > 0)
            if residual[back] == amount { hubs.served(expert: to, arc: back, need: Int32(from), cost: cost[back]) }
        } else if hubs.expertRange.contains(from) && hubs.needRange.contains(to) {
            packedArcs?.setOpen(forward: back, backward: a, residual[back] > 0)
            if residual[a] == 0 { hubs.released(expert: from, arc: a) }
        } else if hubs.expertRange.contains(from) {
            hubs.setSpare(expert: from, residual[a])
        } else if hubs.expertRange.contains(to) {
            hubs.setSpare(expert: to, residual[back])
        }
    }

    /// Flow on forward arc `a` (the residual capacity of its reverse arc).
    @inline(__always) func flow(_ a: Int) -> Int32 { residual[Int(mate[a])] }
}
