import Matching

/// Seeded generator of random assignment problems with every kind of constraint (SplitMix64).
struct AssignmentRandomInstances {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }

    /// A random problem; `constraints` adds enterprise caps, region and unit quotas, locks and forbidden pairs.
    mutating func problem(
        needs: Int, experts: Int, density: Double, constraints: Bool, maxDemand: Int = 2, maxCapacity: Int = 2,
        scores: ClosedRange<Int> = 1...10_000
    ) -> AssignmentProblem {
        var edges: [AssignmentEdge] = []
        for i in 0..<needs {
            for j in 0..<experts where chance(density) {
                edges.append(AssignmentEdge(need: i, expert: j, score: int(scores)))
            }
        }
        var problem = AssignmentProblem(
            needDemand: (0..<needs).map { _ in int(1...maxDemand) },
            expertCapacity: (0..<experts).map { _ in int(0...maxCapacity) },
            edges: edges.shuffledDeterministically(using: &self))
        guard constraints else { return problem }
        let enterprises = max(1, needs / 2)
        problem.needEnterprise = (0..<needs).map { _ in int(0...(enterprises - 1)) }
        problem.enterpriseCap = (0..<enterprises).map { _ in chance(0.7) ? int(1...3) : nil }
        let regions = int(1...3)
        problem.enterpriseRegion = (0..<enterprises).map { _ in int(0...(regions - 1)) }
        problem.regionQuota = (0..<regions).map { _ in chance(0.6) ? int(1...(needs + 1)) : nil }
        let units = int(1...3)
        problem.expertUnit = (0..<experts).map { _ in int(0...(units - 1)) }
        problem.unitQuota = (0..<units).map { _ in chance(0.6) ? int(1...(needs + 1)) : nil }
        problem.locked = feasibleLocks(problem)
        let lockedSet = Set(problem.locked)
        for edge in problem.edges where chance(0.1) {
            let pair = AssignmentPair(need: Int(edge.need), expert: Int(edge.expert))
            if !lockedSet.contains(pair) { problem.forbidden.append(pair) }
        }
        return problem
    }

    /// A few locks chosen so that together they respect every limit.
    private mutating func feasibleLocks(_ problem: AssignmentProblem) -> [AssignmentPair] {
        var usage = AssignmentUsage(problem)
        var locks: [AssignmentPair] = []
        for edge in problem.edges where chance(0.08) {
            let pair = AssignmentPair(need: Int(edge.need), expert: Int(edge.expert))
            if usage.fits(pair) {
                usage.add(pair)
                locks.append(pair)
            }
        }
        return locks
    }
}

extension Array {
    /// Fisher–Yates shuffle driven by the test's own generator.
    func shuffledDeterministically(using generator: inout AssignmentRandomInstances) -> [Element] {
        var copy = self
        if copy.count < 2 { return copy }
        for i in stride(from: copy.count - 1, to: 0, by: -1) {
            copy.swapAt(i, generator.int(0...i))
        }
        return copy
    }
}
