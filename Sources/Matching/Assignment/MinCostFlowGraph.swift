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

    /// Builds the CSR from an arc list and fills `arcs.forwardIndex` with each arc's forward index.
    init(nodeCount: Int, arcs: inout MinCostFlowArcList) {
        precondition(nodeCount < 1 << 26, "too many nodes for the packed heap keys")
        self.nodeCount = nodeCount
        let count = arcs.count
        arcCount = count * 2
        first = .allocate(capacity: nodeCount + 1)
        head = .allocate(capacity: arcCount)
        residual = .allocate(capacity: arcCount)
        cost = .allocate(capacity: arcCount)
        mate = .allocate(capacity: arcCount)
        potential = .allocate(capacity: nodeCount)
        potential.initialize(repeating: 0, count: nodeCount)
        first.initialize(repeating: 0, count: nodeCount + 1)
        var forwardIndex = [Int32](repeating: 0, count: count)
        let fill = UnsafeMutablePointer<Int32>.allocate(capacity: nodeCount)
        defer { fill.deallocate() }
        arcs.tail.withUnsafeBufferPointer { tails in
            arcs.head.withUnsafeBufferPointer { heads in
                arcs.capacity.withUnsafeBufferPointer { caps in
                    arcs.cost.withUnsafeBufferPointer { costs in
                        forwardIndex.withUnsafeMutableBufferPointer { index in
                            for k in 0..<count {
                                first[Int(tails[k]) + 1] += 1
                                first[Int(heads[k]) + 1] += 1
                            }
                            for v in 0..<nodeCount { first[v + 1] += first[v] }
                            fill.initialize(from: first, count: nodeCount)
                            for k in 0..<count {
                                let u = Int(tails[k])
                                let v = Int(heads[k])
                                let forward = Int(fill[u])
                                fill[u] += 1
                                let backward = Int(fill[v])
                                fill[v] += 1
                                head[forward] = Int32(v)
                                residual[forward] = caps[k]
                                cost[forward] = costs[k]
                                mate[forward] = Int32(backward)
                                head[backward] = Int32(u)
                                residual[backward] = 0
                                cost[backward] = -costs[k]
                                mate[backward] = Int32(forward)
                                index[k] = Int32(forward)
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
        head.deallocate()
        residual.deallocate()
        cost.deallocate()
        mate.deallocate()
        potential.deallocate()
    }

    /// Served-need lists of the expert nodes, if the network has them.
    var hubs: MinCostFlowHubIndex?

    /// Sends `amount` units along arc `a` (and back along its mate), keeping `hubs` current.
    @inline(__always) func push(_ a: Int, _ amount: Int32) {
        let back = Int(mate[a])
        residual[a] -= amount
        residual[back] += amount
        guard let hubs else { return }
        let to = Int(head[a])
        let from = Int(head[back])
        if hubs.expertRange.contains(to) && hubs.needRange.contains(from) {
            if residual[back] == amount { hubs.served(expert: to, arc: back, need: Int32(from), cost: cost[back]) }
        } else if hubs.expertRange.contains(from) && hubs.needRange.contains(to) {
            if residual[a] == 0 { hubs.released(expert: from, arc: a) }
        } else if hubs.expertRange.contains(from) {
            hubs.spare[from - hubs.expertRange.lowerBound] = residual[a]
        } else if hubs.expertRange.contains(to) {
            hubs.spare[to - hubs.expertRange.lowerBound] = residual[back]
        }
    }

    /// Flow on forward arc `a` (the residual capacity of its reverse arc).
    @inline(__always) func flow(_ a: Int) -> Int32 { residual[Int(mate[a])] }
}
