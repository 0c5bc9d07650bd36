/// Dijkstra over reduced costs with early termination at the target, reusable across searches.
///
/// Work buffers are stamped with a generation number, so a search costs only what it visits. After a
/// successful search, potentials of the finalized nodes move by `dist - dist(target)`, which keeps every
/// residual reduced cost non-negative and makes the found path tight (the usual trick that avoids
/// touching unvisited nodes). The search works on its own copy of the potentials, packed with the other
/// per-node state (`MinCostFlowSearchNode`); `loadPotentials` and `storePotentials` sync it with the graph.
final class MinCostFlowDijkstra {
    let graph: MinCostFlowGraph
    let nodes: UnsafeMutablePointer<MinCostFlowSearchNode>
    let popped: UnsafeMutablePointer<Int32>
    /// Work buffers of `refresh`, allocated on first use.
    var refreshScratchStorage: MinCostFlowRefreshScratch?
    var heap: MinCostFlowSearchHeap
    var generation: UInt32 = 0
    /// Sum of the words read ahead by `search` (kept only so those loads are not optimized away).
    private var readAhead: UInt64 = 0
    /// Nodes finalized by all searches so far (a measure of the work done).
    var finalized = 0

    init(graph: MinCostFlowGraph) {
        self.graph = graph
        let n = graph.nodeCount
        nodes = MinCostFlowHugeBuffer.allocate(MinCostFlowSearchNode.self, capacity: n)
        nodes.initialize(repeating: MinCostFlowSearchNode(), count: n)
        popped = .allocate(capacity: n)
        heap = MinCostFlowSearchHeap(capacity: 2 * graph.arcCount + 2)
    }

    deinit {
        MinCostFlowHugeBuffer.deallocate(nodes, capacity: graph.nodeCount)
        popped.deallocate()
        heap.deallocate()
    }

    var refreshScratch: MinCostFlowRefreshScratch {
        if let scratch = refreshScratchStorage { return scratch }
        let scratch = MinCostFlowRefreshScratch(
            needCount: graph.hubs?.needRange.count ?? 0, slotCapacity: graph.hubs?.slotCapacity ?? 0)
        refreshScratchStorage = scratch
        return scratch
    }

    /// Copies the graph's potentials into the search state.
    func loadPotentials() {
        for v in 0..<graph.nodeCount { nodes[v].potential = graph.potential[v] }
    }

    /// Copies the search's potentials back to the graph.
    func storePotentials() {
        for v in 0..<graph.nodeCount { graph.potential[v] = nodes[v].potential }
    }

    /// Shortest path from `source` to `target` using only nodes `>= lowestNode` (besides source and target).
    /// Returns `true` and updates potentials when the target is reachable; the parent arcs hold the path.
    /// `warmStart`: potentials only decrease (from 0), so a need's ceiling (the highest potential among
    /// its experts when last fully scanned) stays an upper bound and allows an early exit over the need's
    /// cost-sorted arcs.
    func search(from source: Int, to target: Int, lowestNode: Int, warmStart: Bool = false) -> Bool {
        let gen = nextGeneration()
        let doneGen = gen + 1
        let nodes = nodes
        let first = graph.first
        let head = graph.head
        let residual = graph.residual
        let cost = graph.cost
        let hubs = graph.hubs
        let hubLow = hubs?.expertRange.lowerBound ?? 0
        let hubHigh = hubs?.expertRange.upperBound ?? 0
        let needLow = hubs?.needRange.lowerBound ?? 0
        let packed = warmStart ? graph.packedArcs?.words : nil
        var heap = heap
        defer { self.heap = heap }
        heap.reset()
        var poppedCount = 0
        nodes[source].dist = 0
        nodes[source].stamp = gen
        nodes[source].parentArc = -1
        nodes[source].parentNode = -1
        heap.push(dist: 0, node: source)
        // The target's tentative label (Int.max while unlabelled), kept in a register.
        var targetDist = Int.max
        var reached = false
        let targetPotential = nodes[target].potential
        // Relaxes arc `a` out of a node whose label plus potential is `base`. A node whose label cannot
        // beat the target's tentative label is not pushed: it would never be popped before the target.
        var current = source
        var readAhead: UInt64 = 0
        defer { self.readAhead &+= readAhead }
        @inline(__always) func relax(_ a: Int, _ w: Int, _ arcCost: Int, _ base: Int) {
            if w < lowestNode && w != target { return }
            let node = nodes + w
            if node.pointee.stamp == doneGen { return }
            let nd = base + arcCost - node.pointee.potential
            if nd >= targetDist { return }
            if node.pointee.stamp == gen && nd >= node.pointee.dist { return }
            precondition(nd >= 0 && nd < 1 << 37, "reduced distance out of range")
            node.pointee.stamp = gen
            node.pointee.dist = nd
            node.pointee.parentArc = Int32(a)
            node.pointee.parentNode = Int32(current)
            heap.push(dist: nd, node: w)
            if let packed, w >= needLow && w < hubLow {
                // Read the need's first arcs now: the load overlaps with the rest of this scan, and when the
                // need is popped its arcs are in the cache (Swift has no prefetch instruction).
                readAhead &+= packed[Int(first[w])]
                return
            }
            if w == target {
                targetDist = nd
                return
            }
            // Look ahead through an expert with spare capacity straight to the sink, so the target gets
            // a tentative label early and the pruning above starts to bite.
            if let hubs, target == MinCostFlowNetwork.sink && w >= hubLow && w < hubHigh,
                hubs.opensToSink[w - hubLow] != 0
            {
                let nt = nd + node.pointee.potential - targetPotential
                if nt < targetDist {
                    targetDist = nt
                    nodes[target].stamp = gen
                    nodes[target].dist = nt
                    nodes[target].parentArc = hubs.headers[w - hubLow].childArc
                    nodes[target].parentNode = Int32(w)
                    heap.push(dist: nt, node: target)
                }
            }
        }
        while let v = heap.pop() {
            let node = nodes + v
            if node.pointee.stamp == doneGen { continue }
            node.pointee.stamp = doneGen
            current = v
            popped[poppedCount] = Int32(v)
            poppedCount += 1
            if v == target {
                reached = true
                break
            }
            let base = node.pointee.dist + node.pointee.potential
            if let hubs, v >= hubLow && v < hubHigh {
                // Expert: only the arc to its unit/sink and the arcs back to the needs it serves.
                let header = hubs.headers[v - hubLow]
                if header.spare > 0 { relax(Int(header.childArc), Int(header.childHead), 0, base) }
                let start = Int(header.slotStart)
                for k in start..<start + Int(header.slotCount) {
                    let slot = hubs.slots[k]
                    relax(Int(slot.arc), Int(slot.head), Int(slot.cost), base)
                }
                continue
            }
            if let packed, v >= needLow && v < hubLow {
                // A need's arcs are sorted by cost and no expert potential exceeds the need's ceiling, so once
                // `base + cost - ceiling` reaches the target's label no later arc can improve anything.
                let ceiling = Int(node.pointee.ceiling)
                var highest = Int.min
                var complete = true
                for a in Int(first[v])..<Int(first[v + 1]) {
                    let word = packed[a]
                    let w = Int(word & MinCostFlowPackedArcs.headMask)
                    if w < hubLow { continue }
                    let arcCost = MinCostFlowPackedArcs.cost(word)
                    if base + arcCost - ceiling >= targetDist {
                        complete = false
                        break
                    }
                    highest = max(highest, nodes[w].potential)
                    if word & MinCostFlowPackedArcs.openBit != 0 { relax(a, w, arcCost, base) }
                }
                // Potentials never rise during the warm start, so clamping at Int32.min keeps an upper bound.
                if complete && highest != Int.min { node.pointee.ceiling = Int32(clamping: highest) }
                continue
            }
            for a in Int(first[v])..<Int(first[v + 1]) where residual[a] > 0 {
                relax(a, Int(head[a]), Int(cost[a]), base)
            }
        }
        finalized += poppedCount
        guard reached else { return false }
        let total = targetDist
        for k in 0..<poppedCount {
            let node = nodes + Int(popped[k])
            node.pointee.potential += node.pointee.dist - total
        }
        return true
    }

    /// Smallest residual capacity on the path that `search` found, walking back from `target`.
    func bottleneck(to target: Int, from source: Int) -> Int32 {
        var v = target
        var room = Int32.max
        while v != source {
            room = min(room, graph.residual[Int(nodes[v].parentArc)])
            v = Int(nodes[v].parentNode)
        }
        return room
    }

    /// Pushes `amount` along the path that `search` found. The path's nodes come from the search records,
    /// so the arc updates along the path do not wait on each other's cache misses.
    func augment(to target: Int, from source: Int, _ amount: Int32) {
        var v = target
        while v != source {
            let u = Int(nodes[v].parentNode)
            graph.push(Int(nodes[v].parentArc), from: u, to: v, amount)
            v = u
        }
    }

    /// A fresh stamp pair (`gen` labelled, `gen + 1` finalized); clears every stamp when the counter wraps.
    func nextGeneration() -> UInt32 {
        if generation >= UInt32.max - 2 {
            for v in 0..<graph.nodeCount { nodes[v].stamp = 0 }
            generation = 0
        }
        generation += 2
        return generation
    }
}
