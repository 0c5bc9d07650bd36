import Matching
import Testing

@Suite("Assignment locks and existing pairs")
struct AssignmentLockTests {
    private let edges = [
        AssignmentEdge(need: 0, expert: 0, score: 10), AssignmentEdge(need: 0, expert: 1, score: 90),
        AssignmentEdge(need: 1, expert: 1, score: 80),
    ]

    @Test("a lock is kept even against the score and consumes capacity")
    func lockIsFixed() throws {
        let problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [1, 1], edges: edges, locked: [AssignmentPair(need: 1, expert: 1)])
        let solution = try AssignmentSolver().solve(problem)
        #expect(solution.pairs == [AssignmentPair(need: 0, expert: 0), AssignmentPair(need: 1, expert: 1)])
    }

    @Test("an infeasible lock set is an error naming the lock")
    func infeasibleLock() {
        let problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [1, 1], edges: edges,
            locked: [AssignmentPair(need: 0, expert: 1), AssignmentPair(need: 1, expert: 1)])
        #expect(throws: AssignmentError.infeasibleLock(AssignmentPair(need: 1, expert: 1), .expertCapacity)) {
            try AssignmentSolver().solve(problem)
        }
    }

    @Test("a forbidden lock and a lock over the enterprise cap are errors")
    func lockConflicts() {
        var problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [2, 2], edges: edges, forbidden: [AssignmentPair(need: 0, expert: 0)])
        problem.locked = [AssignmentPair(need: 0, expert: 0)]
        #expect(throws: AssignmentError.infeasibleLock(AssignmentPair(need: 0, expert: 0), .forbidden)) {
            try AssignmentSolver().solve(problem)
        }
        problem.forbidden = []
        problem.needEnterprise = [0, 0]
        problem.enterpriseCap = [1]
        problem.locked = [AssignmentPair(need: 0, expert: 0), AssignmentPair(need: 1, expert: 1)]
        #expect(throws: AssignmentError.infeasibleLock(AssignmentPair(need: 1, expert: 1), .enterpriseCap)) {
            try AssignmentSolver().solve(problem)
        }
    }

    @Test("forbidden pairs never appear even when they score best")
    func forbidden() throws {
        let problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [1, 1], edges: edges, forbidden: [AssignmentPair(need: 0, expert: 1)])
        let solution = try AssignmentSolver().solve(problem)
        #expect(!solution.pairs.contains(AssignmentPair(need: 0, expert: 1)))
        #expect(solution.filledSlots == 2)
    }

    @Test("fill only what is missing keeps existing pairs; a full re-solve may drop them")
    func fillOnlyMissing() throws {
        let problem = AssignmentProblem(needDemand: [1, 1], expertCapacity: [1, 1], edges: edges)
        let existing = [AssignmentPair(need: 0, expert: 1)]
        let kept = try AssignmentSolver().solve(
            problem, options: AssignmentOptions(existing: existing, fillOnlyMissing: true))
        #expect(kept.pairs == existing)
        #expect(kept.shortfalls.map(\.reason) == [.allCandidatesAtCapacity])
        let fresh = try AssignmentSolver().solve(problem, options: AssignmentOptions(existing: existing))
        #expect(fresh.pairs == [AssignmentPair(need: 0, expert: 0), AssignmentPair(need: 1, expert: 1)])
    }
}
