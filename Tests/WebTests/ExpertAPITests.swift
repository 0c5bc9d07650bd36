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

@Suite("Experts API: unit approval, re-approval after edits, contact privacy")
struct ExpertAPITests {
    static let profile = #"""
        {"name": "赵复材", "degree": "phd", "title_level": "senior", "birth_year": 1980,
         "discipline_codes": ["43055"], "tracks": ["new_materials"], "keywords": ["碳纤维", "复合材料"],
         "summary": "长期从事碳纤维复合材料界面改性研究。", "mobile": "13912345678", "email": "zhao@u.example.cn",
         "capacity": 2, "available_from": "2026-12-01", "available_to": "2028-12-31", "talent_enclave": false}
        """#

    static func world(reportCacheSeconds: Double = 0, metricsToken: String? = nil) async throws -> (
        Application<RouterResponder<AppRequestContext>>, PGPool, AccountStore, [String: String], [String: Int]
    ) {
        let pool = try await TestDatabase.makeMigrated(prefix: "experts")
        let ids = try await pool.withTransaction { c -> [String: Int] in
            func org(_ kind: String, _ name: String, _ serial: Int) throws -> Int {
                try c.query(
                    """
                    INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, status)
                    VALUES (\(kind), \(name), 'uscc', \(try USCC.make(divisionCode: "220104", serial: serial).value), '220100', 'approved')
                    RETURNING id
                    """
                ).scalar(Int.self)
            }
            return [
                "u": try org("university", "甲大学", 21), "v": try org("institute", "乙研究所", 22),
                "a": try org("enterprise", "丙企业有限公司", 23),
            ]
        }
        let accounts = AccountStore(pool: pool, hasher: PasswordHasher(rounds: 10))
        var tokens: [String: String] = [:]
        for (name, role, org) in [
            ("unitU", "unit_admin", ids["u"]), ("unitV", "unit_admin", ids["v"]), ("entA", "enterprise", ids["a"]),
            ("staff", "staff", nil),
        ] {
            let id = try await pool.query(
                "INSERT INTO account (username, role, organization_id, password_hash) VALUES (\(name), \(role), \(org), 'x') RETURNING id"
            ).scalar(Int.self)
            tokens[name] = try await accounts.issueToken(for: id, kind: "api", lifetimeSeconds: 3600).secret
        }
        let app = Application(
            router: buildRouter(
                WebDependencies(
                    pool: pool, migrator: try Migrator(directory: TestDatabase.sqlDirectory),
                    logger: Logger(label: "t"),
                    accounts: accounts, today: { LocalDate("2026-11-29")! },
                    pages: try await PageRenderer(directory: TestDatabase.repositoryRoot + "/templates"),
                    reportCacheSeconds: reportCacheSeconds, metricsToken: metricsToken)))
        return (app, pool, accounts, tokens, ids)
    }

    @Test("a unit adds and approves an expert, staff screen and release; an edit by the expert needs re-approval")
    func lifecycle() async throws {
        let (app, pool, accounts, initialTokens, _) = try await Self.world()
        defer { Task { await pool.close() } }
        let tokens = initialTokens
        let id = try await app.test(.router) { client in
            let (created, body) = try await NeedAPITests.call(
                client, .post, "/api/v1/experts", as: tokens["unitU"], body: Self.profile)
            #expect(created == .created)
            #expect(body["status"] as? String == "registered")
            #expect(body["unit_name"] as? String == "甲大学")
            #expect(body["capacity"] as? Int == 2)
            let id = try #require(body["id"] as? Int)
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/experts/\(id)/approve", as: tokens["unitV"]).0
                    == .forbidden)
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/experts/\(id)/approve", as: tokens["staff"]).0
                    == .forbidden)
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/experts/\(id)/screen", as: tokens["staff"]).0
                    == .conflict)
            for (who, action, status) in [
                ("unitU", "approve", "approved"), ("staff", "screen", "screened"), ("staff", "release", "available"),
            ] {
                let (s, b) = try await NeedAPITests.call(
                    client, .post, "/api/v1/experts/\(id)/\(action)", as: tokens[who])
                #expect(s == .ok)
                #expect(b["status"] as? String == status)
            }
            return id
        }
        // The expert gets an account and edits their own profile: back to the unit for approval.
        let accountID = try await pool.query(
            "INSERT INTO account (username, role, expert_id, password_hash) VALUES ('zhao', 'expert', \(id), 'x') RETURNING id"
        ).scalar(Int.self)
        var withExpert = tokens
        withExpert["zhao"] = try await accounts.issueToken(for: accountID, kind: "api", lifetimeSeconds: 3600).secret
        let frozen = withExpert
        try await app.test(.router) { client in
            let edited = Self.profile.replacingOccurrences(of: "界面改性", with: "界面改性与回收利用")
            let (s, b) = try await NeedAPITests.call(
                client, .put, "/api/v1/experts/\(id)", as: frozen["zhao"], body: edited)
            #expect(s == .ok)
            #expect(b["status"] as? String == "pending_reapproval")
            #expect(
                try await NeedAPITests.call(client, .put, "/api/v1/experts/\(id)", as: frozen["unitV"], body: edited).0
                    == .forbidden)
            #expect(
                try await NeedAPITests.call(client, .put, "/api/v1/experts/\(id)", as: frozen["entA"], body: edited).0
                    == .forbidden)
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/experts/\(id)/approve", as: frozen["unitU"]).1[
                    "status"] as? String == "approved")
        }
        let moves = try await pool.query(
            "SELECT from_status || '→' || to_status FROM state_transition WHERE entity = 'expert' AND entity_id = \(id) ORDER BY id"
        ).map { try $0.decode(0, as: String.self) }
        #expect(
            moves == [
                "registered→approved", "approved→screened", "screened→available", "available→pending_reapproval",
                "pending_reapproval→approved",
            ])
    }

    @Test("phone and e-mail are visible only to staff, the own unit and the expert; lists are per unit")
    func privacy() async throws {
        let (app, pool, _, tokens, _) = try await Self.world()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            let id = try #require(
                try await NeedAPITests.call(client, .post, "/api/v1/experts", as: tokens["unitU"], body: Self.profile)
                    .1["id"] as? Int)
            for (who, visible) in [("unitU", true), ("staff", true), ("unitV", false), ("entA", false)] {
                let (s, b) = try await NeedAPITests.call(client, .get, "/api/v1/experts/\(id)", as: tokens[who])
                #expect(s == .ok, "\(who)")
                #expect((b["mobile"] as? String == "13912345678") == visible, "\(who)")
                #expect((b["email"] as? String == "zhao@u.example.cn") == visible, "\(who)")
                #expect(b["contacts_hidden"] as? Bool == !visible, "\(who)")
            }
            #expect(
                (try await NeedAPITests.call(client, .get, "/api/v1/experts", as: tokens["unitU"]).1["items"] as? [Any])?
                    .count == 1)
            #expect(
                (try await NeedAPITests.call(client, .get, "/api/v1/experts", as: tokens["unitV"]).1["items"] as? [Any])?
                    .count == 0)
            #expect(
                (try await NeedAPITests.call(client, .get, "/api/v1/experts", as: tokens["staff"]).1["items"] as? [Any])?
                    .count == 1)
            #expect(try await NeedAPITests.call(client, .get, "/api/v1/experts", as: tokens["entA"]).0 == .forbidden)
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/experts", as: tokens["entA"], body: Self.profile).0
                    == .forbidden)
        }
    }

    @Test("invalid profiles are 422 naming each field")
    func validation() async throws {
        let (app, pool, _, tokens, _) = try await Self.world()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            let (s, b) = try await NeedAPITests.call(
                client, .post, "/api/v1/experts", as: tokens["unitU"],
                body:
                    #"{"name": "", "mobile": "123", "email": "not-an-email", "capacity": 0, "available_from": "2027-01-01", "available_to": "2026-01-01"}"#
            )
            #expect(s == .unprocessableContent)
            let fields = OrganizationAPITests.fields(b)
            #expect(fields.isSuperset(of: ["name", "mobile", "email", "capacity", "available_to"]))
        }
        #expect(try await pool.query("SELECT count(*) FROM expert").scalar(Int.self) == 0)
    }
}
