import Matching
import Testing

@Suite("Assignment feasibility diagnosis")
struct AssignmentFeasibilityTests {
    @Test("a need without any edge: no eligible candidate")
    func noCandidate() throws {
        let problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [1], edges: [AssignmentEdge(need: 0, expert: 0, score: 5)])
        let report = try AssignmentFeasibility.check(problem)
        let shortfall = try #require(report.first)
        #expect(report.count == 1)
        #expect(shortfall.need == 1)
        #expect(shortfall.reason == .noEligibleCandidate)
        #expect(shortfall.message.contains("没有任何符合条件的候选专家"))
    }

    @Test("every candidate expert is full or taken by a lock: all candidates at capacity")
    func atCapacity() throws {
        let problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [0, 1],
            edges: [
                AssignmentEdge(need: 0, expert: 0, score: 5), AssignmentEdge(need: 0, expert: 1, score: 5),
                AssignmentEdge(need: 1, expert: 1, score: 5),
            ],
            locked: [AssignmentPair(need: 1, expert: 1)])
        let report = try AssignmentFeasibility.check(problem)
        #expect(report.map(\.reason) == [.allCandidatesAtCapacity])
        #expect(report.first?.experts == [0, 1])
        #expect(report.first?.message.contains("已满员") == true)
    }

    @Test("three needs competing for two experts with one slot each: competition with N, M and K")
    func competition() throws {
        let edges = (0..<3).flatMap { i in (0..<2).map { AssignmentEdge(need: i, expert: $0, score: 10 + i + $0) } }
        let problem = AssignmentProblem(needDemand: [1, 1, 1], expertCapacity: [1, 1], edges: edges)
        let report = try AssignmentFeasibility.check(problem)
        let shortfall = try #require(report.first)
        #expect(report.count == 1)
        #expect(shortfall.reason == .competition)
        #expect(shortfall.competingNeeds == [0, 1, 2])
        #expect(shortfall.experts == [0, 1])
        #expect(shortfall.contestedCapacity == 2)
        #expect(shortfall.message.contains("这 3 项需求在竞争同一批 2 位专家"))
    }

    @Test("enterprise cap and region quota are named")
    func caps() throws {
        var problem = AssignmentProblem(
            needDemand: [1, 1], expertCapacity: [1, 1],
            edges: [AssignmentEdge(need: 0, expert: 0, score: 9), AssignmentEdge(need: 1, expert: 1, score: 5)],
            needEnterprise: [0, 0], enterpriseCap: [1])
        #expect(try AssignmentFeasibility.check(problem).map(\.reason) == [.enterpriseCapReached])
        problem.needEnterprise = [0, 1]
        problem.enterpriseCap = [nil, nil]
        problem.enterpriseRegion = [0, 0]
        problem.regionQuota = [1]
        #expect(try AssignmentFeasibility.check(problem).map(\.reason) == [.regionQuotaReached])
    }

    @Test("a fillable problem has no shortfall")
    func fillable() throws {
        let problem = AssignmentProblem(
            needDemand: [2], expertCapacity: [1, 1],
            edges: [AssignmentEdge(need: 0, expert: 0, score: 1), AssignmentEdge(need: 0, expert: 1, score: 1)])
        #expect(try AssignmentFeasibility.check(problem).isEmpty)
    }
}
