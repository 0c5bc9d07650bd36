/// Dijkstra over reduced costs with early termination at the target, reusable across searches.
///
/// Work buffers are stamped with a generation number, so a search costs only what it visits. After a
/// successful search, potentials of the finalized nodes move by `dist - dist(target)`, which keeps every
/// residual reduced cost non-negative and makes the found path tight (the usual trick that avoids
/// touching unvisited nodes).
final class MinCostFlowDijkstra {
    let graph: MinCostFlowGraph
    private let dist: UnsafeMutablePointer<Int>
    private let seen: UnsafeMutablePointer<UInt32>
    private let done: UnsafeMutablePointer<UInt32>
    let parentArc: UnsafeMutablePointer<Int32>
    /// Per need node: an upper bound on the potentials of its experts (see `search`).
    private let needCeiling: UnsafeMutablePointer<Int>
    private let popped: UnsafeMutablePointer<Int32>
    private let heap: UnsafeMutablePointer<UInt64>
    private var generation: UInt32 = 0
    private static let nodeBits: UInt64 = 26
    private static let nodeMask: UInt64 = (1 << nodeBits) - 1

    init(graph: MinCostFlowGraph) {
        self.graph = graph
        let n = graph.nodeCount
        dist = .allocate(capacity: n)
        seen = .allocate(capacity: n)
        seen.initialize(repeating: 0, count: n)
        done = .allocate(capacity: n)
        done.initialize(repeating: 0, count: n)
        parentArc = .allocate(capacity: n)
        needCeiling = .allocate(capacity: n)
        needCeiling.initialize(repeating: 0, count: n)
        popped = .allocate(capacity: n)
        heap = .allocate(capacity: 2 * graph.arcCount + 2)
    }

    deinit {
        dist.deallocate()
        seen.deallocate()
        done.deallocate()
        parentArc.deallocate()
        needCeiling.deallocate()
        popped.deallocate()
        heap.deallocate()
    }

    /// Shortest path from `source` to `target` using only nodes `>= lowestNode` (besides source and target).
    /// Returns `true` and updates potentials when the target is reachable; `parentArc` holds the path.
    /// `warmStart`: potentials only decrease (from 0), so a need's ceiling (the highest potential among
    /// its experts when last fully scanned) stays an upper bound and allows an early exit over the need's
    /// cost-sorted arcs.
    func search(from source: Int, to target: Int, lowestNode: Int, warmStart: Bool = false) -> Bool {
        generation &+= 1
        let gen = generation
        let first = graph.first
        let head = graph.head
        let residual = graph.residual
        let cost = graph.cost
        let potential = graph.potential
        let hubs = graph.hubs
        let hubLow = hubs?.expertRange.lowerBound ?? 0
        let hubHigh = hubs?.expertRange.upperBound ?? 0
        let needLow = hubs?.needRange.lowerBound ?? 0
        var heapCount = 0
        var poppedCount = 0
        dist[source] = 0
        seen[source] = gen
        parentArc[source] = -1
        heap[0] = UInt64(source)
        heapCount = 1
        var reached = false
        // Relaxes arc `a` out of a node whose label plus potential is `base`. A node whose label cannot
        // beat the target's tentative label is not pushed: it would never be popped before the target.
        @inline(__always) func relax(_ a: Int, _ w: Int, _ arcCost: Int, _ base: Int) {
            if (w < lowestNode && w != target) || done[w] == gen { return }
            let nd = base + arcCost - potential[w]
            if seen[target] == gen && nd >= dist[target] { return }
            if seen[w] == gen && nd >= dist[w] { return }
            precondition(nd >= 0 && nd < 1 << 37, "reduced distance out of range")
            seen[w] = gen
            dist[w] = nd
            parentArc[w] = Int32(a)
            heapCount += 1
            siftUp(UInt64(nd) << Self.nodeBits | UInt64(w), at: heapCount - 1)
            // Look ahead through an expert with spare capacity straight to the sink, so the target gets
            // a tentative label early and the pruning above starts to bite.
            if let hubs, w >= hubLow && w < hubHigh {
                let e = w - hubLow
                if hubs.spare[e] > 0 && Int(hubs.childHead[e]) == target {
                    let child = Int(hubs.childArc[e])
                    let nt = nd + potential[w] - potential[target]
                    if seen[target] != gen || nt < dist[target] {
                        seen[target] = gen
                        dist[target] = nt
                        parentArc[target] = Int32(child)
                        heapCount += 1
                        siftUp(UInt64(nt) << Self.nodeBits | UInt64(target), at: heapCount - 1)
                    }
                }
            }
        }
        while heapCount > 0 {
            let top = heap[0]
            heapCount -= 1
            if heapCount > 0 { siftDown(heap[heapCount], count: heapCount) }
            let v = Int(top & Self.nodeMask)
            if done[v] == gen { continue }
            done[v] = gen
            popped[poppedCount] = Int32(v)
            poppedCount += 1
            if v == target {
                reached = true
                break
            }
            let base = dist[v] + potential[v]
            if let hubs, v >= hubLow && v < hubHigh {
                let e = v - hubLow
                // Copies in the hub index avoid random reads of the big arc arrays (expert→child arcs cost 0).
                if hubs.spare[e] > 0 { relax(Int(hubs.childArc[e]), Int(hubs.childHead[e]), 0, base) }
                let start = hubs.slotStart[e]
                for k in start..<start + Int(hubs.slotCount[e]) {
                    relax(Int(hubs.slots[k]), Int(hubs.slotHead[k]), Int(hubs.slotCost[k]), base)
                }
                continue
            }
            if warmStart && v >= needLow && v < hubLow {
                // A need's arcs are sorted by cost and no expert potential exceeds the need's ceiling, so once
                // `base + cost - ceiling` reaches the target's label no later arc can improve anything.
                let ceiling = needCeiling[v]
                var highest = Int.min
                var complete = true
                for a in Int(first[v])..<Int(first[v + 1]) {
                    let w = Int(head[a])
                    if w >= hubLow {
                        if seen[target] == gen && base + Int(cost[a]) - ceiling >= dist[target] {
                            complete = false
                            break
                        }
                        highest = max(highest, potential[w])
                    }
                    if residual[a] > 0 { relax(a, w, Int(cost[a]), base) }
                }
                if complete && highest != Int.min { needCeiling[v] = highest }
                continue
            }
            for a in Int(first[v])..<Int(first[v + 1]) where residual[a] > 0 {
                relax(a, Int(head[a]), Int(cost[a]), base)
            }
        }
        guard reached else { return false }
        let total = dist[target]
        for k in 0..<poppedCount {
            let v = Int(popped[k])
            potential[v] += dist[v] - total
        }
        return true
    }

    /// Smallest residual capacity on the path that `search` found, walking back from `target`.
    func bottleneck(to target: Int, from source: Int) -> Int32 {
        var v = target
        var room = Int32.max
        while v != source {
            let a = Int(parentArc[v])
            room = min(room, graph.residual[a])
            v = Int(graph.head[Int(graph.mate[a])])
        }
        return room
    }

    /// Pushes `amount` along the path that `search` found.
    func augment(to target: Int, from source: Int, _ amount: Int32) {
        var v = target
        while v != source {
            let a = Int(parentArc[v])
            graph.push(a, amount)
            v = Int(graph.head[Int(graph.mate[a])])
        }
    }

    @inline(__always) private func siftUp(_ item: UInt64, at start: Int) {
        var i = start
        while i > 0 {
            let p = (i - 1) >> 1
            if heap[p] <= item { break }
            heap[i] = heap[p]
            i = p
        }
        heap[i] = item
    }

    @inline(__always) private func siftDown(_ item: UInt64, count: Int) {
        var i = 0
        while true {
            var c = 2 * i + 1
            if c >= count { break }
            if c + 1 < count && heap[c + 1] < heap[c] { c += 1 }
            if item <= heap[c] { break }
            heap[i] = heap[c]
            i = c
        }
        heap[i] = item
    }
}
