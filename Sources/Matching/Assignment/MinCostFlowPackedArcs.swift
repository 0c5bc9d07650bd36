/// Packed copy of the arcs leaving need and expert nodes, one `UInt64` per CSR arc: the arc's cost in the
/// high 32 bits, bit 31 set while the need→expert arc of the pair (the arc itself or its mate) has
/// residual capacity, the head node in the low 31 bits.
///
/// A warm-start search scans a need's cost-sorted arcs and a refresh scans an expert's arcs from needs;
/// reading one packed word per arc instead of the separate head, cost and residual arrays costs one cache
/// miss per node instead of three. The bit is meaningful only for need↔expert arcs. Kept up to date by
/// `MinCostFlowGraph.push`.
final class MinCostFlowPackedArcs {
    static let openBit: UInt64 = 1 << 31
    static let headMask: UInt64 = (1 << 31) - 1
    /// CSR arcs `base ..< base + count` are the arcs leaving need and expert nodes.
    let base: Int
    let count: Int
    private let storage: UnsafeMutablePointer<UInt64>
    /// Indexed by CSR arc (points `base` words before the storage).
    let words: UnsafeMutablePointer<UInt64>

    /// Needs and experts must be adjacent node ranges (needs first).
    init(graph: MinCostFlowGraph, needRange: Range<Int>, expertRange: Range<Int>) {
        precondition(needRange.upperBound == expertRange.lowerBound, "need and expert nodes must be adjacent")
        base = Int(graph.first[needRange.lowerBound])
        count = Int(graph.first[expertRange.upperBound]) - base
        storage = MinCostFlowHugeBuffer.allocate(UInt64.self, capacity: count)
        words = storage - base
        for a in base..<(base + count) {
            // A need→expert arc (cost > 0) is open when it has residual capacity; its reverse (cost < 0) when
            // the mate has, i.e. (capacity 1) when the reverse itself has none.
            let cost = graph.cost[a]
            words[a] = Self.pack(head: graph.head[a], cost: cost, open: (graph.residual[a] > 0) == (cost >= 0))
        }
    }

    deinit { MinCostFlowHugeBuffer.deallocate(storage, capacity: count) }

    @inline(__always) static func pack(head: Int32, cost: Int32, open: Bool) -> UInt64 {
        UInt64(UInt32(bitPattern: cost)) << 32 | (open ? openBit : 0) | UInt64(UInt32(head))
    }

    @inline(__always) static func cost(_ word: UInt64) -> Int { Int(Int32(truncatingIfNeeded: word >> 32)) }

    /// Sets the open bit of the need→expert arc `forward` and of its mate `backward`.
    @inline(__always) func setOpen(forward: Int, backward: Int, _ open: Bool) {
        if open {
            words[forward] |= Self.openBit
            words[backward] |= Self.openBit
        } else {
            words[forward] &= ~Self.openBit
            words[backward] &= ~Self.openBit
        }
    }
}
