import Matching
import Testing

@Suite("Assignment optimality")
struct AssignmentOptimalityTests {
    @Test("equals the brute-force optimum on tiny constrained instances", arguments: 0..<150)
    func bruteForce(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: UInt64(seed))
        let problem = random.problem(
            needs: random.int(1...5), experts: random.int(1...4), density: 0.6, constraints: seed % 3 != 0,
            scores: 1...20)
        guard problem.edges.count <= 14, let best = AssignmentBruteForce.optimum(problem) else { return }
        let solution = try AssignmentSolver().solve(problem)
        AssignmentInvariants.check(solution, problem)
        #expect(solution.filledSlots == best.filled)
        #expect(solution.totalScore == best.total)
    }

    @Test("equals an independent Bellman–Ford min-cost flow on medium instances", arguments: 0..<30)
    func reference(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: 1000 + UInt64(seed))
        let problem = random.problem(
            needs: random.int(10...40), experts: random.int(5...30), density: 0.25, constraints: seed % 2 == 0,
            maxDemand: 3, maxCapacity: 3)
        let expected = try #require(AssignmentReferenceFlow.optimum(problem))
        let solution = try AssignmentSolver().solve(problem)
        AssignmentInvariants.check(solution, problem)
        #expect(solution.filledSlots == expected.filled)
        #expect(solution.totalScore == expected.total)
    }

    @Test("equals the independent method on dense, contested instances", arguments: 0..<12)
    func referenceDense(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: 3000 + UInt64(seed))
        let problem = random.problem(
            needs: random.int(30...60), experts: random.int(15...30), density: 0.6, constraints: seed % 3 == 0,
            maxDemand: 2, maxCapacity: 2, scores: 1...50)
        let expected = try #require(AssignmentReferenceFlow.optimum(problem))
        let solution = try AssignmentSolver().solve(problem)
        AssignmentInvariants.check(solution, problem)
        #expect(solution.filledSlots == expected.filled)
        #expect(solution.totalScore == expected.total)
    }

    @Test("prefers filling more slots over a higher score")
    func lexicographic() throws {
        // Need 0 could take expert 0 for 100, but then need 1 (only expert 0) stays empty.
        let problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [1, 1],
            edges: [
                AssignmentEdge(need: 0, expert: 0, score: 100), AssignmentEdge(need: 0, expert: 1, score: 1),
                AssignmentEdge(need: 1, expert: 0, score: 2),
            ])
        let solution = try AssignmentSolver().solve(problem)
        #expect(solution.pairs == [AssignmentPair(need: 0, expert: 1), AssignmentPair(need: 1, expert: 0)])
        #expect(solution.totalScore == 3)
    }

    @Test("an unfilled need gives way to a better one that was processed later")
    func exchangeThroughSource() throws {
        let problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [1],
            edges: [AssignmentEdge(need: 0, expert: 0, score: 1), AssignmentEdge(need: 1, expert: 0, score: 100)])
        let solution = try AssignmentSolver().solve(problem)
        #expect(solution.pairs == [AssignmentPair(need: 1, expert: 0)])
        #expect(solution.shortfalls.map(\.need) == [0])
    }
}
