/// For every expert node, the few residual arcs that matter: its arc to the unit/sink and the reverse
/// arcs of the needs it currently serves.
///
/// Experts are hubs (a popular expert is a candidate for hundreds of needs), but only the arcs back to
/// the needs it serves have residual capacity. Scanning those alone instead of the whole adjacency is
/// what keeps Dijkstra cheap on contested instances. Kept up to date by `MinCostFlowGraph.push`.
final class MinCostFlowHubIndex {
    let needRange: Range<Int>
    let expertRange: Range<Int>
    /// Arc expert→unit/sink, per expert (indexed from `expertRange.lowerBound`), its head, and a copy of
    /// its residual capacity (kept by `MinCostFlowGraph.push`).
    let childArc: UnsafeMutablePointer<Int32>
    let childHead: UnsafeMutablePointer<Int32>
    let spare: UnsafeMutablePointer<Int32>
    /// Served-need arcs of expert e: `slots[slotStart[e] ..< slotStart[e] + slotCount[e]]`.
    let slotStart: UnsafeMutablePointer<Int>
    let slotCount: UnsafeMutablePointer<Int32>
    let slots: UnsafeMutablePointer<Int32>
    /// Head (the need node) and cost of each slot's arc, copied so a search reads them sequentially.
    let slotHead: UnsafeMutablePointer<Int32>
    let slotCost: UnsafeMutablePointer<Int32>

    /// `capacity[e]` bounds how many needs expert e can serve at once.
    init(needRange: Range<Int>, expertRange: Range<Int>, childArc: [Int32], childHead: [Int32], capacity: [Int]) {
        self.needRange = needRange
        self.expertRange = expertRange
        let experts = expertRange.count
        self.childArc = .allocate(capacity: max(experts, 1))
        self.childArc.initialize(from: childArc, count: experts)
        self.childHead = .allocate(capacity: max(experts, 1))
        self.childHead.initialize(from: childHead, count: experts)
        spare = .allocate(capacity: max(experts, 1))
        spare.initialize(repeating: 0, count: max(experts, 1))
        slotStart = .allocate(capacity: experts + 1)
        slotCount = .allocate(capacity: max(experts, 1))
        slotCount.initialize(repeating: 0, count: experts)
        slotStart[0] = 0
        // One spare slot per expert: a cycle cancellation may add before it releases.
        for e in 0..<experts { slotStart[e + 1] = slotStart[e] + max(capacity[e], 0) + 1 }
        slots = .allocate(capacity: max(slotStart[experts], 1))
        slotHead = .allocate(capacity: max(slotStart[experts], 1))
        slotCost = .allocate(capacity: max(slotStart[experts], 1))
    }

    deinit {
        childArc.deallocate()
        childHead.deallocate()
        spare.deallocate()
        slotHead.deallocate()
        slotCost.deallocate()
        slotStart.deallocate()
        slotCount.deallocate()
        slots.deallocate()
    }

    /// Records that arc `a` (expert→need, reverse of an edge) now has residual capacity.
    @inline(__always) func served(expert node: Int, arc a: Int, need: Int32, cost: Int32) {
        let e = node - expertRange.lowerBound
        let count = Int(slotCount[e])
        precondition(slotStart[e] + count < slotStart[e + 1], "expert serves more needs than its capacity")
        slots[slotStart[e] + count] = Int32(a)
        slotHead[slotStart[e] + count] = need
        slotCost[slotStart[e] + count] = cost
        slotCount[e] = Int32(count + 1)
    }

    /// Records that arc `a` (expert→need) has no residual capacity any more.
    @inline(__always) func released(expert node: Int, arc a: Int) {
        let e = node - expertRange.lowerBound
        let start = slotStart[e]
        let last = start + Int(slotCount[e]) - 1
        var k = start
        while slots[k] != Int32(a) { k += 1 }
        slots[k] = slots[last]
        slotHead[k] = slotHead[last]
        slotCost[k] = slotCost[last]
        slotCount[e] -= 1
    }
}
