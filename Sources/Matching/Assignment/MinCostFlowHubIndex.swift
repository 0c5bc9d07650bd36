/// For every expert node, the few residual arcs that matter: its arc to the unit/sink and the reverse
/// arcs of the needs it currently serves.
///
/// Experts are hubs (a popular expert is a candidate for hundreds of needs), but only the arcs back to
/// the needs it serves have residual capacity. Scanning those alone instead of the whole adjacency is
/// what keeps Dijkstra cheap on contested instances. Kept up to date by `MinCostFlowGraph.push`.
/// Each expert's header and each slot is one packed record, so a search touches one cache line for the
/// header and one or two for the slots instead of one per field.
final class MinCostFlowHubIndex {
    /// Per expert: its served-need slots `slots[slotStart ..< slotStart + slotCount]`, the arc to its
    /// unit/sink (`childArc`, head `childHead`) and a copy of that arc's residual capacity (`spare`).
    struct Header {
        var slotStart: Int32
        var slotCount: Int32
        var spare: Int32
        var childArc: Int32
        var childHead: Int32
        var unused0: Int32 = 0
        var unused1: Int32 = 0
        var unused2: Int32 = 0
    }

    /// A served need: the reverse arc expert→need, its head (the need node) and its cost.
    struct Slot {
        var arc: Int32
        var head: Int32
        var cost: Int32
        var unused: Int32 = 0
    }

    let needRange: Range<Int>
    let expertRange: Range<Int>
    let headers: UnsafeMutablePointer<Header>
    /// Per expert: 1 while it has spare capacity and its child is the sink, else 0. One byte per
    /// expert, so the search's look-ahead to the sink reads a table that stays in the L1 cache.
    let opensToSink: UnsafeMutablePointer<UInt8>
    /// Whether every expert's child is the sink (no unit quotas).
    let childrenAreSink: Bool
    let slots: UnsafeMutablePointer<Slot>
    let slotCapacity: Int

    /// `capacity[e]` bounds how many needs expert e can serve at once.
    init(needRange: Range<Int>, expertRange: Range<Int>, childArc: [Int32], childHead: [Int32], capacity: [Int]) {
        self.needRange = needRange
        self.expertRange = expertRange
        let experts = expertRange.count
        headers = .allocate(capacity: max(experts, 1))
        opensToSink = .allocate(capacity: max(experts, 1))
        opensToSink.initialize(repeating: 0, count: max(experts, 1))
        var start = 0
        for e in 0..<experts {
            headers[e] = Header(
                slotStart: Int32(start), slotCount: 0, spare: 0, childArc: childArc[e], childHead: childHead[e])
            // One spare slot per expert: a cycle cancellation may add before it releases.
            start += max(capacity[e], 0) + 1
        }
        slotCapacity = start
        childrenAreSink = childHead.allSatisfy { $0 == MinCostFlowNetwork.sink }
        slots = .allocate(capacity: max(start, 1))
    }

    deinit {
        headers.deallocate()
        opensToSink.deallocate()
        slots.deallocate()
    }

    /// Sets the copy of expert `node`'s residual capacity to its unit/sink.
    @inline(__always) func setSpare(expert node: Int, _ value: Int32) {
        let e = node - expertRange.lowerBound
        headers[e].spare = value
        opensToSink[e] = value > 0 && headers[e].childHead == MinCostFlowNetwork.sink ? 1 : 0
    }

    /// Records that arc `a` (expert→need, reverse of an edge) now has residual capacity.
    @inline(__always) func served(expert node: Int, arc a: Int, need: Int32, cost: Int32) {
        let h = headers + (node - expertRange.lowerBound)
        let count = Int(h.pointee.slotCount)
        let end = h + 1 == headers + expertRange.count ? slotCapacity : Int(h[1].slotStart)
        precondition(Int(h.pointee.slotStart) + count < end, "expert serves more needs than its capacity")
        slots[Int(h.pointee.slotStart) + count] = Slot(arc: Int32(a), head: need, cost: cost)
        h.pointee.slotCount = Int32(count + 1)
    }

    /// Records that arc `a` (expert→need) has no residual capacity any more.
    @inline(__always) func released(expert node: Int, arc a: Int) {
        let h = headers + (node - expertRange.lowerBound)
        let start = Int(h.pointee.slotStart)
        let last = start + Int(h.pointee.slotCount) - 1
        var k = start
        while slots[k].arc != Int32(a) { k += 1 }
        slots[k] = slots[last]
        h.pointee.slotCount -= 1
    }
}
