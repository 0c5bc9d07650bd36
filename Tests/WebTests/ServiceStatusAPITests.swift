import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/v1/service-logs/status` pages by dispatch id, so staff never download every active dispatch at once.
@Suite("Service-day status API: keyset pages with a total")
struct ServiceStatusAPITests {
    @Test("limit and after_id page through the dispatches; total counts from the cursor on; bad values are 400")
    func paging() async throws {
        let (app, pool, _, tokens, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        for _ in 0..<3 {
            try await ReportCacheTests.dispatchBehindTheServicesBack(pool, unit: ids["u"]!, enterprise: ids["a"]!)
        }
        let all = try await pool.query("SELECT id FROM assignment ORDER BY id").map { try $0.decode(0, as: Int.self) }
        try await app.test(.router) { client in
            let (ok, first) = try await NeedAPITests.call(
                client, .get, "/api/v1/service-logs/status?behind=true&limit=2", as: tokens["staff"])
            #expect(ok == .ok)
            let items = try #require(first["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["assignment_id"] as? Int } == Array(all.prefix(2)))
            #expect(first["total"] as? Int == 3)
            let next = try #require(first["next_after_id"] as? Int)
            let (_, second) = try await NeedAPITests.call(
                client, .get, "/api/v1/service-logs/status?behind=true&limit=2&after_id=\(next)", as: tokens["staff"])
            let rest = try #require(second["items"] as? [[String: Any]])
            #expect(rest.compactMap { $0["assignment_id"] as? Int } == [all[2]])
            #expect(second["total"] as? Int == 1)
            #expect(second["next_after_id"] is NSNull)
            for bad in ["limit=0", "limit=1001", "after_id=-1", "limit=x"] {
                let (status, body) = try await NeedAPITests.call(
                    client, .get, "/api/v1/service-logs/status?\(bad)", as: tokens["staff"])
                #expect(status == .badRequest, "\(bad)")
                let fields = (body["error"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []
                #expect(fields.first?["field"] as? String == String(bad.prefix { $0 != "=" }), "\(bad)")
            }
        }
    }
}
