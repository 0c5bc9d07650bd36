import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Testing

/// Program-wide reports are kept for a short time (`KCZY_REPORT_CACHE_SECONDS`); a write through the service drops
/// them, tenant-scoped reports are never kept, and a kept report expires.
@Suite("Report cache: program-wide reports kept briefly, dropped by writes")
struct ReportCacheTests {
    /// A dispatch inserted straight into the database, so the service cannot know about it.
    static func dispatchBehindTheServicesBack(_ pool: PGPool, unit: Int, enterprise: Int) async throws {
        try await pool.withTransaction { c in
            let expert = try c.query(
                "INSERT INTO expert (unit_id, name, degree, birth_year) VALUES (\(unit), '缓存专家', 'phd', 1975) RETURNING id"
            ).scalar(Int.self)
            let need = try c.query(
                "INSERT INTO need (enterprise_id, title, description, status) VALUES (\(enterprise), '缓存测试需求', '描述', 'dispatched') RETURNING id"
            ).scalar(Int.self)
            try c.execute(
                """
                INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end)
                VALUES (\(need), \(expert), \(enterprise), '2026-01-01', '2028-01-01')
                """)
        }
    }

    static func commissioners(_ client: some TestClientProtocol, as token: String?) async throws -> Int {
        let (status, body) = try await NeedAPITests.call(client, .get, "/api/v1/reports/headline", as: token)
        #expect(status == .ok)
        let rows = try #require(body["items"] as? [[String: Any]])
        return rows.first?["commissioners"] as? Int ?? 0
    }

    @Test("staff see the kept figures until a write through the service; units always see fresh ones")
    func keptUntilWrite() async throws {
        let (app, pool, _, tokens, ids) = try await ExpertAPITests.world(reportCacheSeconds: 3600)
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            try await Self.dispatchBehindTheServicesBack(pool, unit: ids["u"]!, enterprise: ids["a"]!)
            #expect(try await Self.commissioners(client, as: tokens["staff"]) == 1)
            #expect(try await Self.commissioners(client, as: tokens["unitU"]) == 1)

            try await Self.dispatchBehindTheServicesBack(pool, unit: ids["u"]!, enterprise: ids["a"]!)
            // The unit's report is never kept; staff still get the kept program-wide figures; reading drops nothing.
            #expect(try await Self.commissioners(client, as: tokens["unitU"]) == 2)
            #expect(try await Self.commissioners(client, as: tokens["staff"]) == 1)
            // A refused write changes nothing and keeps them too.
            let (refused, _) = try await NeedAPITests.call(
                client, .post, "/api/v1/needs", as: tokens["entA"], body: #"{"title": ""}"#)
            #expect(refused.code >= 400)
            #expect(try await Self.commissioners(client, as: tokens["staff"]) == 1)
            // Any successful write through the service drops them.
            let (created, _) = try await NeedAPITests.call(
                client, .post, "/api/v1/needs", as: tokens["entA"], body: NeedAPITests.draft)
            #expect(created == .created)
            #expect(try await Self.commissioners(client, as: tokens["staff"]) == 2)
        }
    }

    @Test("a kept report expires after its time; with 0 seconds nothing is kept")
    func expires() async throws {
        for seconds in [1.0, 0] {
            let (app, pool, _, tokens, ids) = try await ExpertAPITests.world(reportCacheSeconds: seconds)
            defer { Task { await pool.close() } }
            try await app.test(.router) { client in
                #expect(try await Self.commissioners(client, as: tokens["staff"]) == 0)
                try await Self.dispatchBehindTheServicesBack(pool, unit: ids["u"]!, enterprise: ids["a"]!)
                if seconds > 0 { try await Task.sleep(for: .milliseconds(1_300)) }
                #expect(try await Self.commissioners(client, as: tokens["staff"]) == 1)
            }
        }
    }
}
