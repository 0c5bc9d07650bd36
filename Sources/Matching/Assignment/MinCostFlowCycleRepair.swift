/// Label-correcting Bellman–Ford (FIFO queue) that turns the node potentials into valid ones for the
/// whole residual graph, cancelling negative cycles on the way.
///
/// A cycle in the parent-pointer graph is always a negative cycle; it is looked for after every
/// `nodeCount` relaxations, so detection costs amortised O(1) per relaxation.
struct MinCostFlowCycleRepair {
    let graph: MinCostFlowGraph

    func run() {
        let n = graph.nodeCount
        var parent = [Int32](repeating: -1, count: n)
        var inQueue = [Bool](repeating: true, count: n)
        var queue = RingQueue(capacity: n)
        for v in 0..<n { queue.push(Int32(v)) }
        var relaxations = 0
        let potential = graph.potential
        while let v32 = queue.pop() {
            let v = Int(v32)
            inQueue[v] = false
            let base = potential[v]
            for a in Int(graph.first[v])..<Int(graph.first[v + 1]) where graph.residual[a] > 0 {
                let w = Int(graph.head[a])
                let label = base + Int(graph.cost[a])
                guard label < potential[w] else { continue }
                potential[w] = label
                parent[w] = Int32(a)
                if !inQueue[w] {
                    inQueue[w] = true
                    queue.push(Int32(w))
                }
                relaxations += 1
            }
            if relaxations >= n {
                relaxations = 0
                if cancelCycle(parent: parent) {
                    for u in 0..<n {
                        parent[u] = -1
                        if !inQueue[u] {
                            inQueue[u] = true
                            queue.push(Int32(u))
                        }
                    }
                }
            }
        }
    }

    /// Finds one cycle in the parent graph and pushes its bottleneck around it.
    private func cancelCycle(parent: [Int32]) -> Bool {
        let n = graph.nodeCount
        var color = [UInt8](repeating: 0, count: n)
        for start in 0..<n where color[start] == 0 {
            var v = start
            while v >= 0 && color[v] == 0 {
                color[v] = 1
                v = parent[v] < 0 ? -1 : tail(Int(parent[v]))
            }
            if v >= 0 && color[v] == 1 {
                var arcs: [Int] = []
                var u = v
                repeat {
                    arcs.append(Int(parent[u]))
                    u = tail(Int(parent[u]))
                } while u != v
                let amount = arcs.map { graph.residual[$0] }.min() ?? 0
                for a in arcs { graph.push(a, amount) }
                return true
            }
            v = start
            while v >= 0 && color[v] == 1 {
                color[v] = 2
                v = parent[v] < 0 ? -1 : tail(Int(parent[v]))
            }
        }
        return false
    }

    @inline(__always) private func tail(_ a: Int) -> Int { Int(graph.head[Int(graph.mate[a])]) }
}

/// Fixed-capacity FIFO of node ids; each node is in it at most once.
private struct RingQueue {
    private var items: [Int32]
    private var start = 0
    private var count = 0

    init(capacity: Int) { items = [Int32](repeating: 0, count: max(capacity, 1)) }

    mutating func push(_ v: Int32) {
        items[(start + count) % items.count] = v
        count += 1
    }

    mutating func pop() -> Int32? {
        guard count > 0 else { return nil }
        let v = items[start]
        start = (start + 1) % items.count
        count -= 1
        return v
    }
}
