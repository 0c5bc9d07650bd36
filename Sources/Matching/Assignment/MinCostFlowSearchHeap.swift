/// 4-ary min-heap of `(dist, node)` packed into one `UInt64` (dist above the low 26 node bits), so ties
/// break by node id and the order is deterministic. Stale entries are skipped by the caller.
///
/// Four children share a cache line and the tree is half as deep as a binary heap, which roughly halves
/// the unpredictable comparisons of a pop.
struct MinCostFlowSearchHeap {
    static let nodeBits: UInt64 = 26
    static let nodeMask: UInt64 = (1 << nodeBits) - 1
    private let items: UnsafeMutablePointer<UInt64>
    private var count = 0

    init(capacity: Int) { items = .allocate(capacity: max(capacity, 1)) }

    func deallocate() { items.deallocate() }

    @inline(__always) mutating func reset() { count = 0 }

    @inline(__always) mutating func push(dist: Int, node: Int) {
        let item = UInt64(dist) << Self.nodeBits | UInt64(node)
        var i = count
        count += 1
        while i > 0 {
            let p = (i - 1) >> 2
            let parent = items[p]
            if parent <= item { break }
            items[i] = parent
            i = p
        }
        items[i] = item
    }

    /// Removes and returns the node with the smallest key, or nil when empty.
    @inline(__always) mutating func pop() -> Int? {
        guard count > 0 else { return nil }
        let top = items[0]
        count -= 1
        if count > 0 { siftDown(items[count]) }
        return Int(top & Self.nodeMask)
    }

    @inline(__always) private func siftDown(_ item: UInt64) {
        var i = 0
        let count = count
        while true {
            let c = 4 * i + 1
            if c >= count { break }
            var best = c
            var bestItem = items[c]
            let end = min(c + 4, count)
            var k = c + 1
            while k < end {
                let candidate = items[k]
                if candidate < bestItem {
                    bestItem = candidate
                    best = k
                }
                k += 1
            }
            if item <= bestItem { break }
            items[i] = bestItem
            i = best
        }
        items[i] = item
    }
}
