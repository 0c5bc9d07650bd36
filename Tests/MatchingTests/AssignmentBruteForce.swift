import Matching

/// Enumerates every subset of free edges (locks fixed) and keeps the lexicographic optimum.
enum AssignmentBruteForce {
    /// Best value: filled slots, then the fairness minimum (when asked), then the total score.
    struct Value: Equatable, Comparable {
        var filled: Int
        var minimum: Int
        var total: Int

        static func < (lhs: Value, rhs: Value) -> Bool {
            (lhs.filled, lhs.minimum, lhs.total) < (rhs.filled, rhs.minimum, rhs.total)
        }
    }

    static func optimum(_ problem: AssignmentProblem, fairness: Bool = false) -> Value? {
        var usage = AssignmentUsage(problem)
        var lockScore = 0
        let scores = Dictionary(
            problem.edges.map { (AssignmentPair(need: Int($0.need), expert: Int($0.expert)), Int($0.score)) },
            uniquingKeysWith: max)
        for lock in problem.locked {
            guard usage.fits(lock) else { return nil }
            usage.add(lock)
            lockScore += scores[lock] ?? 0
        }
        let excluded = Set(problem.forbidden).union(problem.locked)
        let free = problem.edges.filter {
            !excluded.contains(AssignmentPair(need: Int($0.need), expert: Int($0.expert)))
        }
        precondition(free.count <= 16, "brute force is for tiny instances")
        var best: Value?
        for mask in 0..<(1 << free.count) {
            var trial = usage
            var ok = true
            var total = lockScore
            var minimum = Int.max
            for (k, edge) in free.enumerated() where mask & (1 << k) != 0 {
                let pair = AssignmentPair(need: Int(edge.need), expert: Int(edge.expert))
                guard trial.fits(pair) else {
                    ok = false
                    break
                }
                trial.add(pair)
                total += Int(edge.score)
                minimum = min(minimum, Int(edge.score))
            }
            guard ok else { continue }
            let value = Value(filled: trial.pairs.count, minimum: fairness ? minimum : 0, total: total)
            if best == nil || best! < value { best = value }
        }
        return best
    }
}
