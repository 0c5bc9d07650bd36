import Matching
import Testing

@Suite("Assignment fairness mode")
struct AssignmentFairnessTests {
    @Test("raises (never lowers) the lowest filled score and keeps the slot count", arguments: 0..<40)
    func neverLowers(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: 9000 + UInt64(seed))
        let problem = random.problem(
            needs: random.int(10...60), experts: random.int(5...40), density: 0.2, constraints: seed % 2 == 0,
            maxDemand: 2, maxCapacity: 3)
        let plain = try AssignmentSolver().solve(problem)
        let fair = try AssignmentSolver().solve(problem, options: AssignmentOptions(objective: .fairness))
        AssignmentInvariants.check(fair, problem)
        #expect(fair.filledSlots == plain.filledSlots)
        #expect((fair.minimumScore ?? 0) >= (plain.minimumScore ?? 0))
        #expect(fair.totalScore <= plain.totalScore)
    }

    @Test("equals the brute-force fair optimum on tiny instances", arguments: 0..<80)
    func bruteForce(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: 12000 + UInt64(seed))
        let problem = random.problem(
            needs: random.int(1...5), experts: random.int(1...4), density: 0.6, constraints: seed % 2 == 0,
            scores: 1...30)
        guard problem.edges.count <= 14, let best = AssignmentBruteForce.optimum(problem, fairness: true) else {
            return
        }
        let fair = try AssignmentSolver().solve(problem, options: AssignmentOptions(objective: .fairness))
        #expect(fair.filledSlots == best.filled)
        #expect((fair.minimumScore ?? Int.max) == best.minimum)
        #expect(fair.totalScore == best.total)
    }

    @Test("a hand-made case trades total score for the weakest pair")
    func handMade() throws {
        // Total-score optimum: 0→0 (100) and 1→1 (10); fair optimum: 0→1 (60) and 1→0 (50).
        let problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [1, 1],
            edges: [
                AssignmentEdge(need: 0, expert: 0, score: 100), AssignmentEdge(need: 0, expert: 1, score: 60),
                AssignmentEdge(need: 1, expert: 0, score: 50), AssignmentEdge(need: 1, expert: 1, score: 10),
            ])
        #expect(try AssignmentSolver().solve(problem).totalScore == 110)
        let fair = try AssignmentSolver().solve(problem, options: AssignmentOptions(objective: .fairness))
        #expect(fair.pairs == [AssignmentPair(need: 0, expert: 1), AssignmentPair(need: 1, expert: 0)])
        #expect(fair.minimumScore == 50)
    }
}
