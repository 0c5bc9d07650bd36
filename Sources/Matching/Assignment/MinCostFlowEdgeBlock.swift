/// The need→expert arcs (capacity 1) of a network, handed to `MinCostFlowGraph` straight from the
/// prepared problem's arrays instead of through `MinCostFlowArcList`.
///
/// Each need's arcs go into the CSR sorted by cost (then by expert), so a search can stop scanning a need
/// once the remaining arcs cannot help.
struct MinCostFlowEdgeBlock {
    let needBase: Int
    let expertBase: Int
    /// Need i's edges are `start[i] ..< start[i + 1]` in `expert` and `score` (sorted by expert).
    let start: [Int]
    let expert: [Int32]
    let score: [Int32]
    /// An edge's arc costs `costOffset - score`.
    let costOffset: Int32

    init(_ problem: AssignmentPreparedProblem, needBase: Int, expertBase: Int, costOffset: Int32) {
        self.needBase = needBase
        self.expertBase = expertBase
        start = problem.edgeStart
        expert = problem.edgeExpert
        score = problem.edgeScore
        self.costOffset = costOffset
    }

    var needCount: Int { start.count - 1 }
    var count: Int { expert.count }
    var widestNeed: Int { (0..<needCount).reduce(0) { max($0, start[$1 + 1] - start[$1]) } }

    /// Writes need i's arcs into `keys` as `cost << 32 | offset` (offset into the need's edges), sorted;
    /// returns how many.
    @inline(__always)
    func sortedKeys(need i: Int, into keys: UnsafeMutablePointer<UInt64>) -> Int {
        let low = start[i]
        let n = start[i + 1] - low
        score.withUnsafeBufferPointer { score in
            for k in 0..<n {
                keys[k] = UInt64(UInt32(bitPattern: costOffset - score[low + k])) << 32 | UInt64(k)
            }
        }
        Self.sort(keys, count: n)
        return n
    }

    /// Insertion sort for the usual few dozen keys, the standard library's sort above that.
    private static func sort(_ keys: UnsafeMutablePointer<UInt64>, count n: Int) {
        guard n > 16 else {
            var i = 1
            while i < n {
                let key = keys[i]
                var j = i
                while j > 0 && keys[j - 1] > key {
                    keys[j] = keys[j - 1]
                    j -= 1
                }
                keys[j] = key
                i += 1
            }
            return
        }
        var buffer = UnsafeMutableBufferPointer(start: keys, count: n)
        buffer.sort()
    }
}
