import Auth
import DemoData
import Domain
import LibPQ
import Storage
import TestSupport
import Testing

@testable import kczy

@Suite("Demo history: a past year of dispatches, service logs and outcomes that obeys the program's rules")
struct DemoHistoryTests {
    @Test("dispatches respect conflicts, capacities and the cap; evidence checksums hold; a few fall behind")
    func history() async throws {
        let pool = try await TestDatabase.makeMigrated(prefix: "history")
        defer { Task { await pool.close() } }
        let today = LocalDate("2026-11-29")!
        let data = DemoDataSet.generate(seed: 2026, today: today)
        let loader = DemoDataLoader(data: data, hasher: PasswordHasher(rounds: 1000))
        let counts = try await pool.withTransaction { c in
            _ = try loader.load(c)
            return try DemoHistory(today: today).load(c)
        }
        func count(_ sql: String) async throws -> Int { try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self) }
        #expect(counts.assignments == 60)
        #expect(try await count("SELECT count(*) FROM assignment") == 60)
        #expect(try await count("SELECT count(*) FROM outcome") == counts.outcomes)
        // Every dispatch is discipline-matched and conflict-free, within capacity and the enterprise cap.
        #expect(
            try await count(
                """
                SELECT count(*) FROM assignment a JOIN need n ON n.id = a.need_id JOIN expert e ON e.id = a.expert_id
                WHERE n.status <> 'dispatched' OR NOT EXISTS (SELECT 1 FROM unnest(e.disciplines) d WHERE left(d, 3) = left(n.disciplines[1], 3))
                   OR EXISTS (SELECT 1 FROM conflict k WHERE k.enterprise_id = a.enterprise_id
                              AND (k.expert_id = e.id OR (k.expert_id IS NULL AND k.unit_id = e.unit_id)))
                """) == 0)
        #expect(
            try await count(
                "SELECT count(*) FROM (SELECT expert_id FROM assignment a JOIN expert e ON e.id = a.expert_id GROUP BY expert_id, e.capacity HAVING count(*) > e.capacity) x"
            ) == 0)
        #expect(
            try await count(
                "SELECT count(*) FROM (SELECT 1 FROM assignment GROUP BY enterprise_id HAVING count(*) > 3) x")
                == 0)
        // The demo accounts have something to show.
        #expect(
            try await count(
                "SELECT count(*) FROM assignment a JOIN account acc ON acc.expert_id = a.expert_id WHERE acc.username = 'expert'"
            ) >= 1)
        #expect(
            try await count(
                "SELECT count(*) FROM assignment a JOIN account acc ON acc.organization_id = a.enterprise_id WHERE acc.username = 'enterprise'"
            ) >= 1)
        // Every outcome has its evidence, whose stored checksum is the content's; all three statuses occur.
        #expect(
            try await count(
                """
                SELECT count(*) FROM outcome o LEFT JOIN outcome_evidence v ON v.outcome_id = o.id
                WHERE v.id IS NULL OR encode(sha256(v.content), 'hex') <> v.sha256
                """) == 0)
        #expect(try await count("SELECT count(DISTINCT status) FROM outcome") == 3)
        // Some commissioners fall behind on service days, most do not.
        let status = try await ServiceLogStore(pool: pool).status(
            asOf: today, onlyBehind: false,
            by: Identity(
                accountID: 0, username: "s", displayName: "s", role: .staff, organizationID: nil, expertID: nil)
        ).items
        let behind = status.filter(\.behind).count
        #expect(behind > 0 && behind < status.count / 2)
    }
}
