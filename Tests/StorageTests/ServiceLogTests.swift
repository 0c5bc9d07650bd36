import Domain
import Foundation
import LibPQ
import Storage
import TestSupport
import Testing

@Suite("Service logs: days on site against 90 a year, with the list of who falls behind")
struct ServiceLogTests {
    @Test("days are pro rata over the year so far; commissioners record only their own, within the term")
    func behind() async throws {
        let w = try await ReportTests.world()
        let pool = w.pool
        defer { Task { await pool.close() } }
        func one(_ sql: String) async throws -> Int { try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self) }
        let n = try await one(
            "INSERT INTO need (enterprise_id, title, description) VALUES (\(w.enterprises[0]), '企业技术需求', '描述') RETURNING id"
        )
        func dispatch(_ name: String, _ unit: Int) async throws -> (Int, Int) {
            let e = try await one(
                "INSERT INTO expert (unit_id, name, phone) VALUES (\(unit), '\(name)', '13912345678') RETURNING id")
            let a = try await one(
                "INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end) VALUES (\(n), \(e), \(w.enterprises[0]), '2026-01-01', '2028-01-01') RETURNING id"
            )
            return (e, a)
        }
        let (x, ax) = try await dispatch("专家甲", w.units[0])
        let (y, ay) = try await dispatch("专家乙", w.units[1])
        let store = ServiceLogStore(pool: pool)
        let today = LocalDate("2026-06-30")!
        func me(_ expert: Int) -> Identity {
            Identity(
                accountID: w.staff.accountID, username: "e", displayName: "e", role: .expert, organizationID: nil,
                expertID: expert)
        }
        for (day, days) in [("2026-02-10", 10.0), ("2026-04-01", 20.0)] {
            _ = try await store.record(
                assignment: ax, servedOn: LocalDate(day)!, days: days, work: "驻企指导", today: today, by: me(x),
                audit: .system)
        }
        _ = try await store.record(
            assignment: ay, servedOn: LocalDate("2026-03-01")!, days: 31, work: "驻企攻关", today: today, by: me(y),
            audit: .system)
        _ = try await store.record(
            assignment: ay, servedOn: LocalDate("2026-05-01")!, days: 19, work: "驻企攻关", today: today, by: me(y),
            audit: .system)
        await #expect(throws: StorageError.self) {
            try await store.record(
                assignment: ay, servedOn: LocalDate("2026-05-02")!, days: 1, work: "代填", today: today, by: me(x),
                audit: .system)
        }
        await #expect(throws: ValidationError.self) {
            try await store.record(
                assignment: ax, servedOn: LocalDate("2025-12-31")!, days: 1, work: "服务期前", today: today, by: me(x),
                audit: .system)
        }
        await #expect(throws: ValidationError.self) {
            try await store.record(
                assignment: ax, servedOn: LocalDate("2026-07-01")!, days: 40, work: "", today: today, by: me(x),
                audit: .system)
        }
        // 181 days into 2026: 90 × 181 / 365 = 44.6, so 44 days are expected; 30 is behind, 50 is not.
        let all = try await store.status(asOf: today, onlyBehind: false, by: w.staff).items
        #expect(all.map(\.daysServed) == [30, 50])
        #expect(all.map(\.daysExpected) == [44, 44])
        let behind = try await store.status(asOf: today, onlyBehind: true, by: w.staff).items
        #expect(behind.map(\.expertID) == [x])
        // The limit applies after the filter; the total counts every match.
        let first = try await store.status(asOf: today, onlyBehind: false, limit: 1, by: w.staff)
        #expect(first.items.map(\.daysServed) == [30])
        #expect(first.total == 2)
        #expect(try await store.status(asOf: today, onlyBehind: true, limit: 1, by: w.staff).total == 1)
        // The commissioner and the unit see the warning; the other unit does not.
        #expect(try await store.status(asOf: today, onlyBehind: true, by: me(x)).items.map(\.assignmentID) == [ax])
        let unitB = Identity(
            accountID: w.staff.accountID, username: "u", displayName: "u", role: .unitAdmin, organizationID: w.units[1],
            expertID: nil)
        #expect(try await store.status(asOf: today, onlyBehind: true, by: unitB).items.isEmpty)
    }
}
