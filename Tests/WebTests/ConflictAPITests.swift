import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Storage
import TestSupport
import Testing
import Web

@Suite("Conflicts of interest API")
struct ConflictAPITests {
    @Test("staff record, experts declare their own, units see their experts', enterprises see none")
    func recordAndDeclare() async throws {
        let (app, pool, accounts, tokens, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let expertID = try await pool.query(
            "INSERT INTO expert (unit_id, name, status) VALUES (\(ids["u"]!), '钱专家', 'available') RETURNING id"
        ).scalar(Int.self)
        let accountID = try await pool.query(
            "INSERT INTO account (username, role, expert_id, password_hash) VALUES ('qian', 'expert', \(expertID), 'x') RETURNING id"
        ).scalar(Int.self)
        let expertToken = try await accounts.issueToken(for: accountID, kind: "api", lifetimeSeconds: 3600).secret
        let enterprise = ids["a"]!
        try await app.test(.router) { client in
            let (s1, staffEntry) = try await NeedAPITests.call(
                client, .post, "/api/v1/conflicts", as: tokens["staff"],
                body: #"{"unit_id": \#(ids["v"]!), "enterprise_id": \#(enterprise), "kind": "equity", "note": "单位持股"}"#)
            #expect(s1 == .created)
            #expect(staffEntry["source"] as? String == "staff")
            // The expert's declaration is bound to the expert, whatever id the body names.
            let (s2, declared) = try await NeedAPITests.call(
                client, .post, "/api/v1/conflicts", as: expertToken,
                body: #"{"enterprise_id": \#(enterprise), "kind": "founder", "note": "本人为创始人"}"#)
            #expect(s2 == .created)
            #expect(declared["expert_id"] as? Int == expertID)
            #expect(declared["source"] as? String == "expert")
            #expect(
                try await NeedAPITests.call(
                    client, .post, "/api/v1/conflicts", as: expertToken,
                    body: #"{"expert_id": 999, "enterprise_id": \#(enterprise), "kind": "equity"}"#
                ).0 == .forbidden)
            #expect(
                try await NeedAPITests.call(
                    client, .post, "/api/v1/conflicts", as: tokens["entA"],
                    body: #"{"unit_id": \#(ids["u"]!), "enterprise_id": \#(enterprise), "kind": "equity"}"#
                ).0 == .forbidden)
            let (s3, bad) = try await NeedAPITests.call(
                client, .post, "/api/v1/conflicts", as: tokens["staff"],
                body:
                    #"{"expert_id": \#(expertID), "unit_id": \#(ids["u"]!), "enterprise_id": \#(ids["u"]!), "kind": "bribery"}"#
            )
            #expect(s3 == .unprocessableContent)
            #expect(OrganizationAPITests.fields(bad).isSuperset(of: ["expert_id", "kind"]))
            let (s4, notEnterprise) = try await NeedAPITests.call(
                client, .post, "/api/v1/conflicts", as: tokens["staff"],
                body: #"{"expert_id": \#(expertID), "enterprise_id": \#(ids["u"]!), "kind": "relative"}"#)
            #expect(s4 == .unprocessableContent)
            #expect(OrganizationAPITests.fields(notEnterprise) == ["enterprise_id"])

            let count: @Sendable (String?) async throws -> Int? = { token in
                (try await NeedAPITests.call(client, .get, "/api/v1/conflicts", as: token).1["items"] as? [Any])?.count
            }
            #expect(try await count(tokens["staff"]) == 2)
            #expect(try await count(expertToken) == 1)
            #expect(try await count(tokens["unitU"]) == 1)
            #expect(try await count(tokens["unitV"]) == 1)
            #expect(try await NeedAPITests.call(client, .get, "/api/v1/conflicts", as: tokens["entA"]).0 == .forbidden)
            let id = try #require(declared["id"] as? Int)
            #expect(
                try await NeedAPITests.call(client, .delete, "/api/v1/conflicts/\(id)", as: expertToken).0 == .forbidden
            )
            #expect(
                try await NeedAPITests.call(client, .delete, "/api/v1/conflicts/\(id)", as: tokens["staff"]).0
                    == .noContent)
            #expect(
                try await NeedAPITests.call(client, .delete, "/api/v1/conflicts/\(id)", as: tokens["staff"]).0
                    == .notFound)
        }
    }
}
