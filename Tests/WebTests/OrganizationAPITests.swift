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

@Suite("Registration and approval of organizations")
struct OrganizationAPITests {
    static func app() async throws -> (Application<RouterResponder<AppRequestContext>>, PGPool, String) {
        let pool = try await TestDatabase.makeMigrated(prefix: "orgs")
        let hasher = PasswordHasher(rounds: 10)
        let accounts = AccountStore(pool: pool, hasher: hasher)
        let staffID = try await pool.query(
            "INSERT INTO account (username, role, password_hash) VALUES ('staff', 'staff', 'x') RETURNING id"
        ).scalar(Int.self)
        let staff = try await accounts.issueToken(for: staffID, kind: "api", lifetimeSeconds: 3600).secret
        let app = Application(
            router: buildRouter(
                WebDependencies(
                    pool: pool, migrator: try Migrator(directory: TestDatabase.sqlDirectory),
                    logger: Logger(label: "t"),
                    accounts: accounts, organizations: OrganizationStore(pool: pool, hasher: hasher),
                    today: { LocalDate("2026-11-29")! })))
        return (app, pool, staff)
    }

    static func enterprise(
        _ uscc: String, region: String = "220100", username: String = "newco", password: String = "a-long-password"
    )
        -> String
    {
        """
        {"organization": {"name": "长春新创光电科技有限公司", "identifier_kind": "uscc", "identifier": "\(uscc)",
          "region_code": "\(region)", "address": "长春市高新区", "tracks": ["optoelectronics"], "founded_year": 2015,
          "contact": {"name": "王经理", "phone": "13912345678", "email": "wang@newco.example.cn"}},
         "account": {"username": "\(username)", "password": "\(password)"}}
        """
    }

    static func fields(_ body: [String: Any]) -> Set<String> {
        Set(
            ((body["error"] as? [String: Any])?["fields"] as? [[String: Any]] ?? []).compactMap {
                $0["field"] as? String
            })
    }

    @Test("an enterprise registers, cannot submit needs until staff approve it, then can")
    func registerApproveSubmit() async throws {
        let (app, pool, staff) = try await Self.app()
        defer { Task { await pool.close() } }
        let uscc = try USCC.make(divisionCode: "220102", serial: 77).value
        try await app.test(.router) { client in
            let (created, reg) = try await NeedAPITests.call(
                client, .post, "/api/v1/registrations/enterprise", as: nil, body: Self.enterprise(uscc))
            #expect(created == .created)
            #expect(reg["status"] as? String == "pending")
            let orgID = try #require(reg["organization_id"] as? Int)
            let (_, login) = try await NeedAPITests.call(
                client, .post, "/api/v1/auth/login", as: nil,
                body: #"{"username": "newco", "password": "a-long-password"}"#)
            let token = try #require(login["token"] as? String)
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/needs", as: token, body: NeedAPITests.draft).0
                    == .forbidden)
            // The queue is staff-only.
            #expect(
                try await NeedAPITests.call(client, .get, "/api/v1/organizations?status=pending", as: token).0
                    == .forbidden)
            let (_, queue) = try await NeedAPITests.call(
                client, .get, "/api/v1/organizations?status=pending", as: staff)
            #expect((queue["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [orgID])
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/organizations/\(orgID)/approve", as: token).0
                    == .forbidden)
            let (approved, org) = try await NeedAPITests.call(
                client, .post, "/api/v1/organizations/\(orgID)/approve", as: staff)
            #expect(approved == .ok)
            #expect(org["status"] as? String == "approved")
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/organizations/\(orgID)/approve", as: staff).0
                    == .conflict)
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/needs", as: token, body: NeedAPITests.draft).0
                    == .created)
        }
    }

    @Test("bad registrations are 422 naming the field: check character, duplicate code, province, password")
    func invalidRegistrations() async throws {
        let (app, pool, _) = try await Self.app()
        defer { Task { await pool.close() } }
        let uscc = try USCC.make(divisionCode: "220102", serial: 78).value
        var chars = Array(uscc)
        chars[17] = chars[17] == "0" ? "1" : "0"
        let broken = String(chars)
        try await app.test(.router) { client in
            let (s1, b1) = try await NeedAPITests.call(
                client, .post, "/api/v1/registrations/enterprise", as: nil, body: Self.enterprise(broken))
            #expect(s1 == .unprocessableContent)
            #expect(Self.fields(b1).contains("identifier"))
            #expect(
                try await NeedAPITests.call(
                    client, .post, "/api/v1/registrations/enterprise", as: nil, body: Self.enterprise(uscc)
                ).0 == .created)
            let (s2, b2) = try await NeedAPITests.call(
                client, .post, "/api/v1/registrations/enterprise", as: nil,
                body: Self.enterprise(uscc, username: "other"))
            #expect(s2 == .unprocessableContent)
            #expect(Self.fields(b2) == ["identifier"])
            let gz = try USCC.make(divisionCode: "440106", serial: 79).value
            let (s3, b3) = try await NeedAPITests.call(
                client, .post, "/api/v1/registrations/enterprise", as: nil,
                body: Self.enterprise(gz, region: "440100", username: "gz"))
            #expect(s3 == .unprocessableContent)
            #expect(Self.fields(b3).contains("region_code"))
            let (s4, b4) = try await NeedAPITests.call(
                client, .post, "/api/v1/registrations/enterprise", as: nil,
                body: Self.enterprise(
                    try USCC.make(divisionCode: "220102", serial: 80).value, username: "x!", password: "short"))
            #expect(s4 == .unprocessableContent)
            #expect(Self.fields(b4).isSuperset(of: ["username", "password"]))
        }
        #expect(try await pool.query("SELECT count(*) FROM organization").scalar(Int.self) == 1)
        #expect(try await pool.query("SELECT count(*) FROM account WHERE role = 'enterprise'").scalar(Int.self) == 1)
    }

    @Test("a Hong Kong university registers without a USCC; rejection needs a reason")
    func hongKongUnit() async throws {
        let (app, pool, staff) = try await Self.app()
        defer { Task { await pool.close() } }
        let body = """
            {"organization": {"name": "香港某科技大学", "kind": "university", "identifier_kind": "hk_business_registration",
              "identifier": "12345678", "region_code": "81", "address": "香港九龙",
              "contact": {"name": "陈老师", "phone": "+85291234567", "email": "chan@hk.example.edu"}},
             "account": {"username": "hk-admin", "password": "a-long-password"}}
            """
        try await app.test(.router) { client in
            let (status, reg) = try await NeedAPITests.call(
                client, .post, "/api/v1/registrations/unit", as: nil, body: body)
            #expect(status == .created)
            let id = try #require(reg["organization_id"] as? Int)
            #expect(
                try await NeedAPITests.call(client, .post, "/api/v1/organizations/\(id)/reject", as: staff).0
                    == .conflict)
            let (rejected, org) = try await NeedAPITests.call(
                client, .post, "/api/v1/organizations/\(id)/reject", as: staff, body: #"{"reason": "材料不全"}"#)
            #expect(rejected == .ok)
            #expect(org["status"] as? String == "rejected")
        }
        #expect(try await pool.query("SELECT out_of_province FROM organization").scalar(Bool.self))
    }
}
