extension AssignmentPreparedProblem {
    /// The same problem with only the free edges scoring at least `minimumScore`.
    func keepingEdges(minimumScore: Int32) -> AssignmentPreparedProblem {
        var copy = self
        var start = [Int](repeating: 0, count: needCount + 1)
        var experts: [Int32] = []
        var scores: [Int32] = []
        for need in 0..<needCount {
            for k in edgeStart[need]..<edgeStart[need + 1] where edgeScore[k] >= minimumScore {
                experts.append(edgeExpert[k])
                scores.append(edgeScore[k])
            }
            start[need + 1] = experts.count
        }
        copy.edgeStart = start
        copy.edgeExpert = experts
        copy.edgeScore = scores
        return copy
    }
}
