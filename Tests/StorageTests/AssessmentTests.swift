import Domain
import Foundation
import LibPQ
import Storage
import TestSupport
import Testing

@Suite("Assessments and renewal: at least 良好, at most 6 years in any 10, the same person counted once")
struct AssessmentTests {
    @Test(
        "renewal needs a good enough last grade and respects the cumulative cap; a renewal is linked and counted once")
    func renewal() async throws {
        let w = try await ReportTests.world()
        let pool = w.pool
        defer { Task { await pool.close() } }
        func one(_ sql: String) async throws -> Int { try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self) }
        let x = try await one(
            "INSERT INTO expert (unit_id, name, phone, capacity) VALUES (\(w.units[0]), '专家甲', '13912345678', 3) RETURNING id"
        )
        let n = try await one(
            "INSERT INTO need (enterprise_id, title, description) VALUES (\(w.enterprises[0]), '企业技术需求', '描述') RETURNING id"
        )
        // Two earlier 2-year terms (2020–2024), now a third (2024–2026): 6 years in the window.
        for (start, end) in [("2020-01-01", "2022-01-01"), ("2022-01-01", "2024-01-01")] {
            _ = try await one(
                "INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end, status) VALUES (\(n), \(x), \(w.enterprises[0]), '\(start)', '\(end)', 'renewed') RETURNING id"
            )
        }
        let current = try await one(
            "INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end) VALUES (\(n), \(x), \(w.enterprises[0]), '2024-01-01', '2026-01-01') RETURNING id"
        )
        let store = AssessmentStore(pool: pool)
        // No assessment yet: refused.
        var decision = try await store.renewalDecision(assignment: current, by: w.staff)
        #expect(decision.reasons.map(\.code).contains("no_assessment"))
        _ = try await store.grade(
            assignment: current, period: "2024", grade: .pass, comments: "", on: LocalDate("2024-12-20")!, by: w.staff,
            audit: .system)
        decision = try await store.renewalDecision(assignment: current, by: w.staff)
        #expect(decision.reasons.map(\.code).contains("grade_too_low"))
        // 良好 in the final assessment: the grade is fine, but a fourth term would make 8 years in 10.
        _ = try await store.grade(
            assignment: current, period: "final", grade: .good, comments: "按期完成", on: LocalDate("2025-12-20")!,
            by: w.staff, audit: .system)
        decision = try await store.renewalDecision(assignment: current, by: w.staff)
        #expect(decision.reasons.map(\.code) == ["service_limit_exceeded"])
        await #expect(throws: StorageError.self) {
            try await store.renew(assignment: current, by: w.staff, audit: .system)
        }
        await #expect(throws: ValidationError.self) {
            try await store.grade(
                assignment: current, period: "2024年", grade: .good, comments: "", on: LocalDate("2024-12-20")!,
                by: w.staff,
                audit: .system)
        }

        // Another expert with one term and 优秀: renewed, linked, and counted once.
        let y = try await one(
            "INSERT INTO expert (unit_id, name, phone, capacity) VALUES (\(w.units[0]), '专家乙', '13912345679', 2) RETURNING id"
        )
        let first = try await one(
            "INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end) VALUES (\(n), \(y), \(w.enterprises[0]), '2024-07-01', '2026-07-01') RETURNING id"
        )
        _ = try await store.grade(
            assignment: first, period: "final", grade: .excellent, comments: "", on: LocalDate("2026-06-20")!,
            by: w.staff,
            audit: .system)
        #expect(try await store.renewalDecision(assignment: first, by: w.staff).isAllowed)
        let renewed = try await store.renew(assignment: first, by: w.staff, audit: .system)
        let row = try await pool.query(
            "SELECT term_start::text, term_end::text, renews_assignment_id FROM assignment WHERE id = \(renewed)")[0]
        #expect(try row.decode(0, as: String.self) == "2026-07-01")
        #expect(try row.decode(1, as: String.self) == "2028-07-01")
        #expect(try row.decode(2, as: Int?.self) == first)
        #expect(
            try await pool.query("SELECT status FROM assignment WHERE id = \(first)").scalar(String.self) == "renewed")
        let total = try await ReportStore(pool: pool).headline(by: .total, for: w.staff)
        #expect(total.first?.commissioners == 2)
    }
}
