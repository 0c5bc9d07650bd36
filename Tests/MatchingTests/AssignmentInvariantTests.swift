import Matching
import Testing

@Suite("Assignment invariants")
struct AssignmentInvariantTests {
    @Test("every limit, lock and forbidden pair holds on random instances", arguments: 0..<40)
    func randomInstances(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: 5000 + UInt64(seed))
        let problem = random.problem(
            needs: random.int(20...120), experts: random.int(10...80), density: 0.15, constraints: true,
            maxDemand: 3, maxCapacity: 3)
        let solution = try AssignmentSolver().solve(problem)
        AssignmentInvariants.check(solution, problem)
        let fair = try AssignmentSolver().solve(problem, options: AssignmentOptions(objective: .fairness))
        AssignmentInvariants.check(fair, problem)
    }

    @Test("the result does not depend on the order of the edges")
    func edgeOrder() throws {
        var random = AssignmentRandomInstances(seed: 77)
        var problem = random.problem(needs: 60, experts: 40, density: 0.2, constraints: true, scores: 1...5)
        let first = try AssignmentSolver().solve(problem)
        problem.edges = problem.edges.shuffledDeterministically(using: &random)
        #expect(try AssignmentSolver().solve(problem) == first)
    }

    @Test("solving twice gives identical results")
    func determinism() throws {
        var random = AssignmentRandomInstances(seed: 99)
        let problem = random.problem(needs: 300, experts: 200, density: 0.05, constraints: true, scores: 1...3)
        let first = try AssignmentSolver().solve(problem)
        let second = try AssignmentSolver().solve(problem)
        #expect(first == second)
        #expect(SolverInstanceIO.format(first.pairs) == SolverInstanceIO.format(second.pairs))
    }
}
