import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Storage
import TestSupport
import Testing
import Web

@Suite("Organizations API: profile editing, aliases, manual merge, similar names, audit log")
struct OrganizationProfileAPITests {
    static let edit = #"""
        {"region_code": "220100", "address": "长春市南关区", "summary": "碳纤维复合材料制品", "founded_year": 2012,
         "tracks": ["new_materials"], "qualifications": ["high_tech"],
         "contact": {"name": "王工", "phone": "13912345678", "email": "wang@c.example.cn"}}
        """#

    @Test("an enterprise edits its own profile; other tenants get 403, unknown ids 404, bad fields 422 by name")
    func profile() async throws {
        let (app, pool, _, tokens, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let a = ids["a"]!
        try await app.test(.router) { client in
            let (ok, body) = try await NeedAPITests.call(
                client, .put, "/api/v1/organizations/\(a)", as: tokens["entA"], body: Self.edit)
            #expect(ok == .ok, "\(body)")
            #expect(body["address"] as? String == "长春市南关区")
            #expect(body["qualifications"] as? [String] == ["high_tech"])
            #expect(body["name"] as? String == "丙企业有限公司")
            let (got, read) = try await NeedAPITests.call(
                client, .get, "/api/v1/organizations/\(a)", as: tokens["entA"])
            #expect(got == .ok)
            #expect(read["founded_year"] as? Int == 2012)
            #expect(
                try await NeedAPITests.call(client, .get, "/api/v1/organizations/\(a)", as: tokens["unitU"]).0
                    == .forbidden)
            #expect(
                try await NeedAPITests.call(
                    client, .put, "/api/v1/organizations/\(a)", as: tokens["unitU"], body: Self.edit
                ).0
                    == .forbidden)
            #expect(
                try await NeedAPITests.call(client, .get, "/api/v1/organizations/999999", as: tokens["staff"]).0
                    == .notFound)
            let (bad, err) = try await NeedAPITests.call(
                client, .put, "/api/v1/organizations/\(a)", as: tokens["entA"],
                body: #"{"region_code": "110101", "contact": {"name": "王工", "phone": "12"}}"#)
            #expect(bad == .unprocessableContent)
            let fields = OrganizationAPITests.fields(err)
            #expect(fields.contains("region_code"))
            #expect(fields.contains("contact_phone"))
            // The rejected edit changed nothing.
            #expect(
                try await NeedAPITests.call(client, .get, "/api/v1/organizations/\(a)", as: tokens["staff"]).1[
                    "address"] as? String == "长春市南关区")
        }
    }

    @Test("staff set aliases, see similar names, and merge a duplicate: its needs, experts and accounts move")
    func merge() async throws {
        let (app, pool, accounts, tokens, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let a = ids["a"]!
        // A duplicate of enterprise a, registered again under another code, with a need and an account.
        let dup = try await pool.query(
            """
            INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, status)
            VALUES ('enterprise', '丙企业有限责任公司', 'uscc', \(try USCC.make(divisionCode: "220104", serial: 77).value), '220100', 'approved')
            RETURNING id
            """
        ).scalar(Int.self)
        let dupAccount = try await pool.query(
            "INSERT INTO account (username, role, organization_id, password_hash) VALUES ('dupco', 'enterprise', \(dup), 'x') RETURNING id"
        ).scalar(Int.self)
        let dupToken = try await accounts.issueToken(for: dupAccount, kind: "api", lifetimeSeconds: 3600).secret
        try await app.test(.router) { client in
            let (created, need) = try await NeedAPITests.call(
                client, .post, "/api/v1/needs", as: dupToken, body: NeedAPITests.draft)
            #expect(created == .created)
            let needID = try #require(need["id"] as? Int)

            let (aliasOK, withAlias) = try await NeedAPITests.call(
                client, .put, "/api/v1/organizations/\(a)/aliases", as: tokens["staff"],
                body: #"{"aliases": ["丙企业", "丙公司", "丙企业"]}"#)
            #expect(aliasOK == .ok)
            #expect(withAlias["aliases"] as? [String] == ["丙企业", "丙公司"])
            #expect(
                try await NeedAPITests.call(
                    client, .put, "/api/v1/organizations/\(a)/aliases", as: tokens["entA"], body: #"{"aliases": []}"#
                ).0 == .forbidden)

            let (_, similar) = try await NeedAPITests.call(
                client, .get, "/api/v1/organizations/\(dup)/similar", as: tokens["staff"])
            let similarIDs = (similar["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            #expect(similarIDs.contains(a))
            #expect(!similarIDs.contains(ids["u"]!))  // units are never offered as duplicates of enterprises
            // Nothing was merged by looking.
            #expect(
                try await pool.query("SELECT status FROM organization WHERE id = \(dup)").scalar(String.self)
                    == "approved")

            #expect(
                try await NeedAPITests.call(
                    client, .post, "/api/v1/organizations/\(dup)/merge", as: tokens["entA"], body: #"{"into": \#(a)}"#
                ).0
                    == .forbidden)
            #expect(
                try await NeedAPITests.call(
                    client, .post, "/api/v1/organizations/\(dup)/merge", as: tokens["staff"],
                    body: #"{"into": \#(ids["u"]!)}"#
                ).0
                    == .unprocessableContent)
            let (merged, survivor) = try await NeedAPITests.call(
                client, .post, "/api/v1/organizations/\(dup)/merge", as: tokens["staff"],
                body: #"{"into": \#(a), "reason": "重复注册"}"#)
            #expect(merged == .ok)
            #expect((survivor["aliases"] as? [String] ?? []).contains("丙企业有限责任公司"))
            #expect(try await pool.query("SELECT enterprise_id FROM need WHERE id = \(needID)").scalar(Int.self) == a)
            #expect(
                try await pool.query("SELECT organization_id FROM account WHERE id = \(dupAccount)").scalar(Int.self)
                    == a)
            let row = try await pool.query("SELECT status, merged_into FROM organization WHERE id = \(dup)")[0]
            #expect(try row.decode(0, as: String.self) == "merged")
            #expect(try row.decode(1, as: Int?.self) == a)
            // Merging again is refused, and the merged row is kept for history.
            #expect(
                try await NeedAPITests.call(
                    client, .post, "/api/v1/organizations/\(dup)/merge", as: tokens["staff"], body: #"{"into": \#(a)}"#
                ).0
                    == .unprocessableContent)
            let transitions = try await pool.query(
                "SELECT to_status, reason FROM state_transition WHERE entity = 'organization' AND entity_id = \(dup)")
            #expect(try transitions.map { try $0.decode(0, as: String.self) } == ["merged"])
        }
    }

    @Test("the audit log shows who changed a need, with the row before and after; only staff may read it")
    func audit() async throws {
        let (app, pool, _, tokens, _) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            let (_, need) = try await NeedAPITests.call(
                client, .post, "/api/v1/needs", as: tokens["entA"], body: NeedAPITests.draft)
            let id = try #require(need["id"] as? Int)
            let edited = NeedAPITests.draft.replacingOccurrences(of: "碳纤维预浸料固化孔隙率控制", with: "预浸料孔隙率控制（修订）")
            #expect(
                try await NeedAPITests.call(client, .put, "/api/v1/needs/\(id)", as: tokens["entA"], body: edited).0
                    == .ok)
            let (status, log) = try await NeedAPITests.call(
                client, .get, "/api/v1/audit?entity=need&entity_id=\(id)", as: tokens["staff"])
            #expect(status == .ok)
            let items = log["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["action"] as? String } == ["UPDATE", "INSERT"])
            let update = try #require(items.first)
            #expect((update["before"] as? [String: Any])?["title"] as? String == "碳纤维预浸料固化孔隙率控制")
            #expect((update["after"] as? [String: Any])?["title"] as? String == "预浸料孔隙率控制（修订）")
            #expect(update["actor_id"] as? Int != nil)
            #expect(update["request_id"] as? String != nil)
            // Paging: one at a time, then the older one.
            let (_, page1) = try await NeedAPITests.call(
                client, .get, "/api/v1/audit?entity=need&entity_id=\(id)&limit=1", as: tokens["staff"])
            let next = try #require(page1["next_before_id"] as? Int)
            let (_, page2) = try await NeedAPITests.call(
                client, .get, "/api/v1/audit?entity=need&entity_id=\(id)&limit=1&before_id=\(next)", as: tokens["staff"]
            )
            #expect((page2["items"] as? [[String: Any]])?.first?["action"] as? String == "INSERT")
            #expect(try await NeedAPITests.call(client, .get, "/api/v1/audit", as: tokens["entA"]).0 == .forbidden)
            #expect(try await NeedAPITests.call(client, .get, "/api/v1/audit", as: tokens["unitU"]).0 == .forbidden)
            #expect(
                try await NeedAPITests.call(client, .get, "/api/v1/audit?limit=0", as: tokens["staff"]).0 == .badRequest
            )
        }
    }
}
