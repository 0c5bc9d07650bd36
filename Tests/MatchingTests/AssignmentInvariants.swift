import Matching
import Testing

/// Checks every constraint of a solution against its problem, recording an issue per violation.
enum AssignmentInvariants {
    static func check(_ solution: AssignmentSolution, _ problem: AssignmentProblem, extraLocks: [AssignmentPair] = []) {
        var scores: [AssignmentPair: Int] = [:]
        for edge in problem.edges {
            scores[AssignmentPair(need: Int(edge.need), expert: Int(edge.expert))] = Int(edge.score)
        }
        let forbidden = Set(problem.forbidden)
        var usage = AssignmentUsage(problem)
        var total = 0
        for pair in solution.pairs {
            #expect(usage.fits(pair), "pair \(pair) breaks a limit or repeats")
            usage.add(pair)
            #expect(!forbidden.contains(pair), "forbidden pair \(pair) in result")
            let locked = problem.locked.contains(pair) || extraLocks.contains(pair)
            #expect(scores[pair] != nil || locked, "pair \(pair) is neither an edge nor a lock")
            total += scores[pair] ?? 0
        }
        for lock in problem.locked + extraLocks { #expect(usage.pairs.contains(lock), "lock \(lock) missing") }
        #expect(solution.pairs == solution.pairs.sorted(), "pairs not sorted")
        #expect(total == solution.totalScore, "reported total differs from the pairs' scores")
        let missing = zip(problem.needDemand, usage.perNeed).reduce(0) { $0 + $1.0 - $1.1 }
        #expect(missing == solution.shortfalls.reduce(0) { $0 + $1.missingSlots }, "shortfalls do not add up")
    }
}
