import Domain
import Foundation
import LibPQ
import Storage
import TestSupport
import Testing

@Suite("Reports: needs received, matched and solved; the talent gap")
struct NeedReportTests {
    @Test("the funnel and the talent gap on a constructed data set equal hand-computed values; staff only")
    func funnelAndGap() async throws {
        let w = try await ReportTests.world()
        let pool = w.pool
        defer { Task { await pool.close() } }
        func one(_ sql: String) async throws -> Int { try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self) }
        let e1 = w.enterprises[0]
        func need(_ title: String, _ status: String, _ track: String, _ discipline: String) async throws -> Int {
            try await one(
                "INSERT INTO need (enterprise_id, title, description, status, tracks, disciplines) VALUES (\(e1), '\(title)', '描述', '\(status)', '{\(track)}', '{\(discipline)}') RETURNING id"
            )
        }
        let a = try await need("需求甲甲", "open", "new_materials", "43055")
        let b = try await need("需求乙乙", "open", "new_materials", "43050")
        _ = try await need("需求丙丙", "draft", "equipment", "46020")
        let d = try await need("需求丁丁", "dispatched", "new_materials", "43055")
        _ = try await need("需求戊戊", "solved", "new_materials", "43055")
        let expert = try await one(
            "INSERT INTO expert (unit_id, name, phone, status, disciplines) VALUES (\(w.units[0]), '专家甲', '13912345678', 'available', '{43050}') RETURNING id"
        )
        _ = try await one(
            "INSERT INTO expert (unit_id, name, phone, status, disciplines) VALUES (\(w.units[0]), '专家乙', '13912345679', 'registered', '{43050}') RETURNING id"
        )
        let batch = try await one(
            "INSERT INTO match_batch (name, settings) VALUES ('批次', '{\"as_of\": \"2026-06-01\"}') RETURNING id")
        _ = try await one(
            "INSERT INTO proposal (batch_id, need_id, expert_id, enterprise_id, score, explanation) VALUES (\(batch), \(b), \(expert), \(e1), 0.5, '{}') RETURNING id"
        )
        _ = try await one(
            "INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end) VALUES (\(d), \(expert), \(e1), '2026-01-01', '2028-01-01') RETURNING id"
        )

        let reports = ReportStore(pool: pool)
        let funnel = try await reports.needFunnel(for: w.staff)
        let materials = try #require(funnel.first { $0.track == "新材料" })
        let counts: [Int] = [materials.received, materials.matched, materials.dispatched, materials.solved]
        #expect(counts == [4, 1, 1, 1])
        let equipment = funnel.first { $0.track == "大装备" }
        #expect(equipment?.received == 0)  // a draft is not received

        let gap = try await reports.talentGap(for: w.staff)
        #expect(gap.count == 1)
        #expect(gap.first?.discipline == "430")
        #expect(gap.first?.track == "新材料")
        #expect(gap.first?.unmatchedNeeds == 1)  // need a: open and never proposed
        #expect(gap.first?.availableExperts == 1)  // the registered expert is not available
        #expect(a > 0)

        let unit = Identity(
            accountID: w.staff.accountID, username: "u", displayName: "u", role: .unitAdmin, organizationID: w.units[0],
            expertID: nil)
        await #expect(throws: StorageError.self) { try await reports.needFunnel(for: unit) }
        await #expect(throws: StorageError.self) { try await reports.talentGap(for: unit) }
    }
}
