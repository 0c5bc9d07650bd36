import Auth
import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Logging
import Storage
import TestSupport
import Testing
import Web

/// Needs through HTTP: lifecycle, validation, and who may see and do what.
@Suite("Needs API")
struct NeedAPITests {
    /// Two enterprises, a unit with an expert, and one account per role, each with a token.
    struct World {
        var pool: PGPool
        var app: Application<RouterResponder<AppRequestContext>>
        var tokens: [String: String] = [:]
    }

    static func world() async throws -> World {
        let pool = try await TestDatabase.makeMigrated(prefix: "needs")
        let ids = try await pool.withTransaction { c -> [String: Int] in
            func org(_ kind: String, _ name: String, _ uscc: String, _ region: String) throws -> Int {
                try c.query(
                    """
                    INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, status)
                    VALUES (\(kind), \(name), 'uscc', \(uscc), \(region), 'approved') RETURNING id
                    """
                ).scalar(Int.self)
            }
            let a = try org("enterprise", "长春甲光电有限公司", USCC.make(divisionCode: "220102", serial: 11).value, "220100")
            let b = try org("enterprise", "吉林乙化纤有限公司", USCC.make(divisionCode: "220202", serial: 12).value, "220200")
            let u = try org("university", "测试大学", USCC.make(divisionCode: "220104", serial: 13).value, "220100")
            let e = try c.query(
                "INSERT INTO expert (unit_id, name, status) VALUES (\(u), '李研究', 'available') RETURNING id"
            )
            .scalar(Int.self)
            return ["a": a, "b": b, "u": u, "e": e]
        }
        let store = AccountStore(pool: pool, hasher: PasswordHasher(rounds: 10))
        var world = World(
            pool: pool,
            app: Application(
                router: buildRouter(
                    WebDependencies(
                        pool: pool, migrator: try Migrator(directory: TestDatabase.sqlDirectory),
                        logger: Logger(label: "test"), accounts: store, today: { LocalDate("2026-11-29")! }))))
        let accounts: [(String, String, Int?, Int?)] = [
            ("entA", "enterprise", ids["a"], nil), ("entB", "enterprise", ids["b"], nil),
            ("unitU", "unit_admin", ids["u"], nil), ("expertE", "expert", nil, ids["e"]), ("staff", "staff", nil, nil),
        ]
        for (name, role, org, expert) in accounts {
            let id = try await pool.query(
                """
                INSERT INTO account (username, role, organization_id, expert_id, password_hash)
                VALUES (\(name), \(role), \(org), \(expert), 'x') RETURNING id
                """
            ).scalar(Int.self)
            world.tokens[name] = try await store.issueToken(for: id, kind: "api", lifetimeSeconds: 3600).secret
        }
        return world
    }

    static let draft = #"""
        {"title": "碳纤维预浸料固化孔隙率控制", "description": "T700级碳纤维预浸料固化后孔隙率偏高，需优化固化工艺。",
         "tracks": ["new_materials"], "discipline_codes": ["43055"], "keywords": ["碳纤维", "预浸料"],
         "budget": 500000, "deadline": "2027-06-30", "experts_needed": 1}
        """#

    /// Sends a request and returns the status and decoded JSON object (empty for no body).
    static func call(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, as token: String?,
        body: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) {
            response in
            let data = Data(buffer: response.body)
            let object = data.isEmpty ? [:] : (try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
            return (response.status, object)
        }
    }

    @Test("an enterprise drafts and submits, staff accept; forbidden moves are 409 naming the current state")
    func lifecycle() async throws {
        let w = try await Self.world()
        defer { Task { await w.pool.close() } }
        try await w.app.test(.router) { client in
            let (created, need) = try await Self.call(
                client, .post, "/api/v1/needs", as: w.tokens["entA"], body: Self.draft)
            #expect(created == .created)
            #expect(need["status"] as? String == "draft")
            #expect(need["title"] as? String == "碳纤维预浸料固化孔隙率控制")
            let id = try #require(need["id"] as? Int)
            #expect(
                try await Self.call(client, .post, "/api/v1/needs/\(id)/accept", as: w.tokens["staff"]).0 == .conflict)
            #expect(try await Self.call(client, .post, "/api/v1/needs/\(id)/submit", as: w.tokens["entA"]).0 == .ok)
            #expect(
                try await Self.call(client, .post, "/api/v1/needs/\(id)/accept", as: w.tokens["entA"]).0 == .forbidden)
            let (accepted, open) = try await Self.call(
                client, .post, "/api/v1/needs/\(id)/accept", as: w.tokens["staff"])
            #expect(accepted == .ok)
            #expect(open["status"] as? String == "open")
            let (conflict, error) = try await Self.call(
                client, .post, "/api/v1/needs/\(id)/return", as: w.tokens["staff"], body: #"{"reason": "补充指标"}"#)
            #expect(conflict == .conflict)
            let message = (error["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("征集中") && message.contains("open"))
            // Editing is only possible while draft or returned.
            #expect(
                try await Self.call(client, .put, "/api/v1/needs/\(id)", as: w.tokens["entA"], body: Self.draft).0
                    == .conflict)
            let (_, history) = try await Self.call(client, .get, "/api/v1/needs/\(id)/history", as: w.tokens["staff"])
            let moves = (history["items"] as? [[String: Any]] ?? []).map { "\($0["from"]!)→\($0["to"]!)" }
            #expect(moves == ["draft→submitted", "submitted→open"])
        }
        let audited = try await w.pool.query(
            "SELECT count(*) FROM audit_log WHERE entity = 'need' AND actor_id IS NOT NULL"
        )
        .scalar(Int.self)
        #expect(audited == 3)
    }

    @Test("returning a need requires a reason; the enterprise edits and resubmits")
    func returnWithReason() async throws {
        let w = try await Self.world()
        defer { Task { await w.pool.close() } }
        try await w.app.test(.router) { client in
            let id = try #require(
                try await Self.call(client, .post, "/api/v1/needs", as: w.tokens["entA"], body: Self.draft).1["id"]
                    as? Int)
            _ = try await Self.call(client, .post, "/api/v1/needs/\(id)/submit", as: w.tokens["entA"])
            #expect(
                try await Self.call(client, .post, "/api/v1/needs/\(id)/return", as: w.tokens["staff"]).0 == .conflict)
            let (status, returned) = try await Self.call(
                client, .post, "/api/v1/needs/\(id)/return", as: w.tokens["staff"], body: #"{"reason": "请补充技术指标"}"#)
            #expect(status == .ok)
            #expect(returned["status_reason"] as? String == "请补充技术指标")
            #expect(
                try await Self.call(client, .put, "/api/v1/needs/\(id)", as: w.tokens["entA"], body: Self.draft).0
                    == .ok)
            #expect(try await Self.call(client, .post, "/api/v1/needs/\(id)/submit", as: w.tokens["entA"]).0 == .ok)
        }
    }

    @Test("invalid drafts are 422 naming each field, malformed ones 400")
    func validation() async throws {
        let w = try await Self.world()
        defer { Task { await w.pool.close() } }
        try await w.app.test(.router) { client in
            let (status, body) = try await Self.call(
                client, .post, "/api/v1/needs", as: w.tokens["entA"],
                body: #"{"title": "", "budget": -5, "discipline_codes": ["12"], "deadline": "2020-01-01"}"#)
            #expect(status == .unprocessableContent)
            let fields = Set(
                ((body["error"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []).compactMap {
                    $0["field"] as? String
                })
            #expect(fields.isSuperset(of: ["title", "budget", "deadline"]))
            #expect(fields.contains { $0.hasPrefix("discipline_codes") })
            let (bad, _) = try await Self.call(
                client, .post, "/api/v1/needs", as: w.tokens["entA"], body: #"{"tracks": ["space_mining"]}"#)
            #expect(bad == .badRequest)
            #expect(
                try await Self.call(client, .get, "/api/v1/needs?status=nonsense", as: w.tokens["staff"]).0
                    == .badRequest)
            #expect(try await Self.call(client, .get, "/api/v1/needs?limit=0", as: w.tokens["staff"]).0 == .badRequest)
        }
    }

    @Test("tenants never see or change each other's needs; researchers see only open, public ones")
    func authorizationMatrix() async throws {
        let w = try await Self.world()
        defer { Task { await w.pool.close() } }
        try await w.app.test(.router) { client in
            let id = try #require(
                try await Self.call(client, .post, "/api/v1/needs", as: w.tokens["entA"], body: Self.draft).1["id"]
                    as? Int)
            // While a draft: only the owner and staff may read it.
            let readers: [String: HTTPResponse.Status] = [
                "entA": .ok, "entB": .forbidden, "unitU": .forbidden, "expertE": .forbidden, "staff": .ok,
            ]
            for (who, expected) in readers {
                #expect(
                    try await Self.call(client, .get, "/api/v1/needs/\(id)", as: w.tokens[who]).0 == expected, "\(who)")
            }
            #expect(try await Self.call(client, .get, "/api/v1/needs/\(id)", as: nil).0 == .unauthorized)
            #expect(try await Self.call(client, .get, "/api/v1/needs/999999", as: w.tokens["staff"]).0 == .notFound)
            // Nobody but the owner may edit, submit or withdraw; nobody but staff may screen.
            for who in ["entB", "unitU", "expertE", "staff"] {
                #expect(
                    try await Self.call(client, .put, "/api/v1/needs/\(id)", as: w.tokens[who], body: Self.draft).0
                        == .forbidden, "\(who)")
                #expect(
                    try await Self.call(client, .post, "/api/v1/needs/\(id)/submit", as: w.tokens[who]).0 == .forbidden,
                    "\(who)")
                #expect(
                    try await Self.call(client, .post, "/api/v1/needs/\(id)/withdraw", as: w.tokens[who]).0
                        == .forbidden, "\(who)")
            }
            for who in ["entA", "entB", "unitU", "expertE"] {
                #expect(
                    try await Self.call(client, .post, "/api/v1/needs/\(id)/accept", as: w.tokens[who]).0 == .forbidden,
                    "\(who)")
            }
            for who in ["unitU", "expertE", "staff"] {
                #expect(
                    try await Self.call(client, .post, "/api/v1/needs", as: w.tokens[who], body: Self.draft).0
                        == .forbidden, "\(who)")
            }
            _ = try await Self.call(client, .post, "/api/v1/needs/\(id)/submit", as: w.tokens["entA"])
            _ = try await Self.call(client, .post, "/api/v1/needs/\(id)/accept", as: w.tokens["staff"])
            // Open and public: researchers may read it; the other enterprise still may not.
            #expect(try await Self.call(client, .get, "/api/v1/needs/\(id)", as: w.tokens["expertE"]).0 == .ok)
            #expect(try await Self.call(client, .get, "/api/v1/needs/\(id)", as: w.tokens["entB"]).0 == .forbidden)
            let (_, listB) = try await Self.call(client, .get, "/api/v1/needs", as: w.tokens["entB"])
            #expect((listB["items"] as? [Any])?.isEmpty == true)
            let (_, listStaff) = try await Self.call(client, .get, "/api/v1/needs", as: w.tokens["staff"])
            #expect((listStaff["items"] as? [Any])?.count == 1)
            // A confidential need stays hidden from researchers even when open.
            let secret = Self.draft.replacingOccurrences(
                of: #""experts_needed": 1"#, with: #""experts_needed": 1, "confidential": true"#)
            let sid = try #require(
                try await Self.call(client, .post, "/api/v1/needs", as: w.tokens["entA"], body: secret).1["id"] as? Int)
            _ = try await Self.call(client, .post, "/api/v1/needs/\(sid)/submit", as: w.tokens["entA"])
            _ = try await Self.call(client, .post, "/api/v1/needs/\(sid)/accept", as: w.tokens["staff"])
            #expect(try await Self.call(client, .get, "/api/v1/needs/\(sid)", as: w.tokens["expertE"]).0 == .forbidden)
            let (_, listExpert) = try await Self.call(client, .get, "/api/v1/needs", as: w.tokens["expertE"])
            #expect(((listExpert["items"] as? [[String: Any]]) ?? []).map { $0["id"] as? Int } == [id])
        }
    }
}
