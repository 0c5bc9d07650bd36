import Testing

@testable import Matching

/// The warm start's potential refresh (`MinCostFlowDijkstra.refresh`) only runs on large contested
/// instances by default; these tests force it before every need (interval 1) and switch it off (0), and
/// check that the result is optimal and the objective does not depend on it.
@Suite("Assignment potential refresh")
struct AssignmentRefreshTests {
    private static func options(_ interval: Int?, fairness: Bool = false) -> AssignmentOptions {
        var options = AssignmentOptions(objective: fairness ? .fairness : .totalScore)
        options.refreshInterval = interval
        return options
    }

    @Test("equals the independent min-cost flow with a refresh before every need", arguments: 0..<40)
    func reference(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: 21000 + UInt64(seed))
        let problem = random.problem(
            needs: random.int(10...60), experts: random.int(5...30), density: 0.3, constraints: seed % 2 == 0,
            maxDemand: 3, maxCapacity: 3, scores: 1...(seed % 3 == 0 ? 20 : 10_000))
        let expected = try #require(AssignmentReferenceFlow.optimum(problem))
        for interval in [1, 2, 7, 0] {
            let solution = try AssignmentSolver().solve(problem, options: Self.options(interval))
            AssignmentInvariants.check(solution, problem)
            #expect(solution.filledSlots == expected.filled)
            #expect(solution.totalScore == expected.total)
        }
    }

    @Test("contested unit-demand instances (the bench's tight shape) stay optimal", arguments: 0..<20)
    func contested(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: 22000 + UInt64(seed))
        let problem = random.problem(
            needs: random.int(40...90), experts: random.int(15...30), density: 0.5, constraints: false,
            maxDemand: 1, maxCapacity: 4, scores: 1...(seed % 2 == 0 ? 10 : 10_000))
        let expected = try #require(AssignmentReferenceFlow.optimum(problem))
        let refreshed = try AssignmentSolver().solve(problem, options: Self.options(1))
        let plain = try AssignmentSolver().solve(problem, options: Self.options(0))
        AssignmentInvariants.check(refreshed, problem)
        #expect(refreshed.filledSlots == expected.filled)
        #expect(refreshed.totalScore == expected.total)
        #expect(plain.totalScore == expected.total)
    }

    @Test("fairness mode and locks are unaffected by the refresh", arguments: 0..<20)
    func fairness(seed: Int) throws {
        var random = AssignmentRandomInstances(seed: 23000 + UInt64(seed))
        let problem = random.problem(
            needs: random.int(10...40), experts: random.int(5...20), density: 0.3, constraints: true,
            maxDemand: 2, maxCapacity: 3)
        let refreshed = try AssignmentSolver().solve(problem, options: Self.options(1, fairness: true))
        let plain = try AssignmentSolver().solve(problem, options: Self.options(0, fairness: true))
        AssignmentInvariants.check(refreshed, problem)
        #expect(refreshed.filledSlots == plain.filledSlots)
        #expect(refreshed.minimumScore == plain.minimumScore)
        #expect(refreshed.totalScore == plain.totalScore)
    }
}
