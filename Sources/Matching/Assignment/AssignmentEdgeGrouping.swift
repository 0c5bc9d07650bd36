/// Edges bucketed by need (counting sort) and sorted by expert inside each need, so the solver's
/// result does not depend on the input order of the edges.
struct AssignmentEdgeGrouping {
    var start: [Int]
    var expert: [Int32]
    var score: [Int32]

    init(_ edges: [AssignmentEdge], needCount: Int) throws(AssignmentError) {
        var start = [Int](repeating: 0, count: needCount + 1)
        for edge in edges { start[Int(edge.need) + 1] += 1 }
        for i in 0..<needCount { start[i + 1] += start[i] }
        var fill = start
        var expert = [Int32](repeating: 0, count: edges.count)
        var score = [Int32](repeating: 0, count: edges.count)
        for edge in edges {
            let at = fill[Int(edge.need)]
            expert[at] = edge.expert
            score[at] = edge.score
            fill[Int(edge.need)] = at + 1
        }
        for need in 0..<needCount where start[need + 1] - start[need] > 1 {
            var sorted = true
            for k in (start[need] + 1)..<start[need + 1] where expert[k - 1] >= expert[k] {
                sorted = false
                break
            }
            if !sorted {
                let range = start[need]..<start[need + 1]
                let pairs = range.map { (expert[$0], score[$0]) }.sorted { $0.0 < $1.0 }
                for (offset, pair) in pairs.enumerated() {
                    expert[range.lowerBound + offset] = pair.0
                    score[range.lowerBound + offset] = pair.1
                }
                for k in (range.lowerBound + 1)..<range.upperBound where expert[k - 1] == expert[k] {
                    throw .duplicateEdge(AssignmentPair(need: need, expert: Int(expert[k])))
                }
            }
        }
        self.start = start
        self.expert = expert
        self.score = score
    }

    /// Score of the edge for `pair`, found by binary search within the need's bucket.
    func score(of pair: AssignmentPair) -> Int? {
        var low = start[pair.need]
        var high = start[pair.need + 1]
        let target = Int32(pair.expert)
        while low < high {
            let mid = (low + high) / 2
            if expert[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < start[pair.need + 1] && expert[low] == target ? Int(score[low]) : nil
    }
}
