import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import NIOConcurrencyHelpers
import Storage
import TestSupport
import Testing
import Web

/// Drives every documented operation and checks each real response against `/api/v1/openapi.json`.
@Suite("OpenAPI conformance")
struct OpenAPIConformanceTests {
    /// Calls the API and validates the response; records which (path, method) pairs were exercised.
    final class Checker: Sendable {
        let validator: SchemaValidator
        let covered = NIOLockedValueBox<Set<String>>([])
        init(_ document: JSONValue) { validator = SchemaValidator(document: document) }

        func call(
            _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, template: String,
            as token: String?, body: String? = nil
        ) async throws -> (HTTPResponse.Status, JSONValue) {
            var headers: HTTPFields = [.contentType: "application/json"]
            if let token { headers[.authorization] = "Bearer \(token)" }
            let (status, data) = try await client.execute(
                uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
            ) { ($0.status, Data(buffer: $0.body)) }
            covered.withLockedValue { _ = $0.insert("\(method.rawValue) \(template)") }
            let schema = validator.responseSchema(path: template, method: method.rawValue, status: status.code)
            #expect(schema != nil, "\(method) \(template) answered \(status.code), which the document does not list")
            if let schema, schema != .null {
                let value = data.isEmpty ? JSONValue.null : try JSONValue.parse(data)
                let problems = validator.errors(value, against: schema)
                #expect(problems.isEmpty, "\(method) \(uri) → \(status.code): \(problems)")
            }
            let value = (try? JSONValue.parse(data)) ?? .null
            return (status, value)
        }
    }

    @Test("every documented operation answers with a body that matches its schema")
    func conformance() async throws {
        let (app, pool, accounts, tokens, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            let doc = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { Data(buffer: $0.body) }
            let document = try JSONValue.parse(doc)
            #expect(document["openapi"].map { "\($0)" } == "\(JSONValue.string("3.1.0"))")
            // The document itself is valid OpenAPI 3.1 (checked by openapi-spec-validator, which make test installs).
            let file = TestDatabase.repositoryRoot + "/.data/tmp/openapi-\(UUID().uuidString.prefix(8)).json"
            try doc.write(to: URL(fileURLWithPath: file))
            let check = try Shell.run(
                "/usr/bin/env",
                [
                    "python3", "-c",
                    "import json, sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1])))",
                    file,
                ])
            #expect(check.status == 0, "openapi-spec-validator rejected the document")
            let c = Checker(document)
            let staff = tokens["staff"], unit = tokens["unitU"], ent = tokens["entA"]

            _ = try await c.call(client, .get, "/healthz", template: "/healthz", as: nil)
            _ = try await c.call(client, .get, "/readyz", template: "/readyz", as: nil)
            let uscc = try USCC.make(divisionCode: "220102", serial: 91).value
            let (_, reg) = try await c.call(
                client, .post, "/api/v1/registrations/enterprise", template: "/api/v1/registrations/enterprise",
                as: nil,
                body: OrganizationAPITests.enterprise(uscc, username: "conform"))
            _ = try await c.call(
                client, .post, "/api/v1/registrations/unit", template: "/api/v1/registrations/unit", as: nil,
                body: #"{"organization": {"name": "短"}, "account": {"username": "u", "password": "p"}}"#)
            let (_, login) = try await c.call(
                client, .post, "/api/v1/auth/login", template: "/api/v1/auth/login", as: nil,
                body: #"{"username": "conform", "password": "a-long-password"}"#)
            _ = try await c.call(
                client, .post, "/api/v1/auth/login", template: "/api/v1/auth/login", as: nil, body: "{}")
            guard case .string(let newToken)? = login["token"], case .number(let orgID)? = reg["organization_id"] else {
                Issue.record("registration or login failed")
                return
            }
            _ = try await c.call(client, .get, "/api/v1/auth/me", template: "/api/v1/auth/me", as: newToken)
            _ = try await c.call(
                client, .get, "/api/v1/organizations?status=pending", template: "/api/v1/organizations", as: staff)
            _ = try await c.call(
                client, .post, "/api/v1/organizations/\(Int(orgID))/approve",
                template: "/api/v1/organizations/{id}/{action}", as: staff)

            let (_, need) = try await c.call(
                client, .post, "/api/v1/needs", template: "/api/v1/needs", as: ent, body: NeedAPITests.draft)
            _ = try await c.call(
                client, .post, "/api/v1/needs", template: "/api/v1/needs", as: ent, body: #"{"title": ""}"#)
            guard case .number(let n)? = need["id"] else {
                Issue.record("need not created")
                return
            }
            let needID = Int(n)
            _ = try await c.call(client, .get, "/api/v1/needs", template: "/api/v1/needs", as: staff)
            _ = try await c.call(client, .get, "/api/v1/needs/\(needID)", template: "/api/v1/needs/{id}", as: ent)
            _ = try await c.call(client, .get, "/api/v1/needs/999999", template: "/api/v1/needs/{id}", as: staff)
            _ = try await c.call(
                client, .put, "/api/v1/needs/\(needID)", template: "/api/v1/needs/{id}", as: ent,
                body: NeedAPITests.draft)
            _ = try await c.call(
                client, .post, "/api/v1/needs/\(needID)/submit", template: "/api/v1/needs/{id}/{action}", as: ent)
            _ = try await c.call(
                client, .post, "/api/v1/needs/\(needID)/submit", template: "/api/v1/needs/{id}/{action}", as: ent)
            _ = try await c.call(
                client, .get, "/api/v1/needs/\(needID)/history", template: "/api/v1/needs/{id}/history", as: staff)

            let (_, expert) = try await c.call(
                client, .post, "/api/v1/experts", template: "/api/v1/experts", as: unit, body: ExpertAPITests.profile)
            guard case .number(let e)? = expert["id"] else {
                Issue.record("expert not created")
                return
            }
            let expertID = Int(e)
            _ = try await c.call(client, .get, "/api/v1/experts", template: "/api/v1/experts", as: unit)
            _ = try await c.call(client, .get, "/api/v1/experts/\(expertID)", template: "/api/v1/experts/{id}", as: ent)
            _ = try await c.call(
                client, .put, "/api/v1/experts/\(expertID)", template: "/api/v1/experts/{id}", as: unit,
                body: ExpertAPITests.profile)
            _ = try await c.call(
                client, .post, "/api/v1/experts/\(expertID)/approve", template: "/api/v1/experts/{id}/{action}",
                as: unit)

            let (_, conflict) = try await c.call(
                client, .post, "/api/v1/conflicts", template: "/api/v1/conflicts", as: staff,
                body: #"{"expert_id": \#(expertID), "enterprise_id": \#(ids["a"]!), "kind": "relative"}"#)
            _ = try await c.call(client, .get, "/api/v1/conflicts", template: "/api/v1/conflicts", as: staff)
            if case .number(let k)? = conflict["id"] {
                _ = try await c.call(
                    client, .delete, "/api/v1/conflicts/\(Int(k))", template: "/api/v1/conflicts/{id}", as: staff)
            }
            _ = try await c.call(
                client, .get, "/api/v1/imports/experts/template", template: "/api/v1/imports/{kind}/template", as: unit)
            _ = try await c.call(
                client, .post, "/api/v1/imports/experts?mode=check", template: "/api/v1/imports/experts", as: unit,
                body: ImportAPITests.csv(ImportAPITests.rows))
            _ = try await c.call(
                client, .post, "/api/v1/imports/experts?mode=all", template: "/api/v1/imports/experts", as: unit,
                body: ImportAPITests.csv(ImportAPITests.rows))
            _ = try await c.call(
                client, .post, "/api/v1/imports/experts?mode=valid", template: "/api/v1/imports/experts", as: unit,
                body: ImportAPITests.csv(ImportAPITests.rows))
            // An unreadable file is a 422 with the common error, not a row report (found by the fuzz run).
            let (unreadable, _) = try await c.call(
                client, .post, "/api/v1/imports/experts?mode=all", template: "/api/v1/imports/experts", as: unit,
                body: "")
            #expect(unreadable == .unprocessableContent)
            _ = try await c.call(
                client, .post, "/api/v1/imports/needs?mode=check", template: "/api/v1/imports/needs", as: ent,
                body: String(
                    decoding: NeedImportAPITests.csv(["丙企业有限公司,,导入的需求标题,问题描述内容足够长。,,新材料,,,,2027-06-30,否,是,,,1"]),
                    as: UTF8.self))
            // Batches, review, publication and dispatch.
            let w = try await BatchAPIWorld.build(pool, ids)
            #expect(w.proposals.count == 2)
            _ = try await c.call(client, .get, "/api/v1/batches", template: "/api/v1/batches", as: staff)
            let (_, created) = try await c.call(
                client, .post, "/api/v1/batches", template: "/api/v1/batches", as: staff,
                body:
                    #"{"name": "第二批", "settings": {"as_of": "2026-12-01", "term_start": "2027-01-01", "fairness": true}}"#
            )
            _ = try await c.call(
                client, .post, "/api/v1/batches", template: "/api/v1/batches", as: staff,
                body: #"{"name": "", "settings": {"as_of": "2026-12-01", "term_months": 1}}"#)
            if case .number(let second)? = created["id"] {
                _ = try await c.call(
                    client, .post, "/api/v1/batches/\(Int(second))/run", template: "/api/v1/batches/{id}/{action}",
                    as: staff)
                _ = try await c.call(
                    client, .post, "/api/v1/batches/\(Int(second))/cancel", template: "/api/v1/batches/{id}/{action}",
                    as: staff, body: #"{"reason": "重复创建"}"#)
            }
            _ = try await c.call(
                client, .get, "/api/v1/batches/\(w.batch)", template: "/api/v1/batches/{id}", as: staff)
            _ = try await c.call(
                client, .get, "/api/v1/batches/\(w.batch)/proposals", template: "/api/v1/batches/{id}/proposals",
                as: staff)
            _ = try await c.call(
                client, .get, "/api/v1/batches/\(w.batch)/needs/\(w.needs[0])/alternates",
                template: "/api/v1/batches/{id}/needs/{need}/alternates", as: staff)
            let p0 = w.proposals[0]
            _ = try await c.call(
                client, .get, "/api/v1/proposals/\(p0)/swap?expert_id=\(w.experts[1])",
                template: "/api/v1/proposals/{id}/swap",
                as: staff)
            _ = try await c.call(
                client, .post, "/api/v1/proposals/\(p0)/swap", template: "/api/v1/proposals/{id}/swap", as: staff,
                body: #"{"expert_id": 999999}"#)
            for p in w.proposals {
                _ = try await c.call(
                    client, .post, "/api/v1/proposals/\(p)/accept", template: "/api/v1/proposals/{id}/{action}",
                    as: staff)
            }
            _ = try await c.call(client, .get, "/api/v1/proposals", template: "/api/v1/proposals", as: ent)
            _ = try await c.call(
                client, .post, "/api/v1/proposals/\(p0)/confirm", template: "/api/v1/proposals/{id}/{action}", as: ent)
            _ = try await c.call(
                client, .post, "/api/v1/batches/\(w.batch)/publish", template: "/api/v1/batches/{id}/{action}",
                as: staff,
                body: #"{"working_days": 5}"#)
            _ = try await c.call(
                client, .get, "/api/v1/publications/\(w.batch)", template: "/api/v1/publications/{id}", as: nil)
            let (_, objection) = try await c.call(
                client, .post, "/api/v1/proposals/\(p0)/objections", template: "/api/v1/proposals/{id}/objections",
                as: unit, body: #"{"real_name": "张三", "body": "该专家与企业存在未申报的合作关系。"}"#)
            _ = try await c.call(
                client, .get, "/api/v1/batches/\(w.batch)/objections", template: "/api/v1/batches/{id}/objections",
                as: staff)
            if case .number(let oid)? = objection["id"] {
                _ = try await c.call(
                    client, .post, "/api/v1/objections/\(Int(oid))/dismiss",
                    template: "/api/v1/objections/{id}/{action}",
                    as: staff, body: #"{"resolution": "经核实合作已结束且已申报"}"#)
            }
            _ = try await c.call(
                client, .post, "/api/v1/batches/\(w.batch)/finalize", template: "/api/v1/batches/{id}/{action}",
                as: staff)
            _ = try await c.call(
                client, .post, "/api/v1/assignments", template: "/api/v1/assignments", as: staff,
                body:
                    #"{"need_id": \#(w.needs[0]), "expert_id": \#(w.experts[0]), "term_start": "2026-01-01", "term_end": "2028-01-01"}"#
            )
            _ = try await c.call(client, .get, "/api/v1/assignments", template: "/api/v1/assignments", as: ent)
            let assignment = try await pool.query("SELECT id FROM assignment ORDER BY id LIMIT 1").scalar(Int.self)
            let (agreed, agreement) = try await c.call(
                client, .put, "/api/v1/assignments/\(assignment)/agreement",
                template: "/api/v1/assignments/{id}/agreement",
                as: staff, body: #"{"reference": "吉科协〔2026〕17号", "signed_on": "2026-11-20"}"#)
            #expect(agreed == .ok)
            #expect(agreement["agreement_ref"] == .string("吉科协〔2026〕17号"), "\(agreement)")
            _ = try await c.call(
                client, .put, "/api/v1/assignments/\(assignment)/agreement",
                template: "/api/v1/assignments/{id}/agreement",
                as: staff, body: #"{"reference": "", "signed_on": "2030-01-01"}"#)
            let pdf = Data("%PDF-1.4 test".utf8).base64EncodedString()
            let (created2, outcome) = try await c.call(
                client, .post, "/api/v1/assignments/\(assignment)/outcomes",
                template: "/api/v1/assignments/{id}/outcomes",
                as: ent,
                body:
                    #"{"kind": "project", "title": "联合申报项目", "achieved_on": "2026-10-01", "evidence": {"filename": "a.pdf", "content_type": "application/pdf", "data": "\#(pdf)"}}"#
            )
            #expect(created2 == .created)
            _ = try await c.call(
                client, .post, "/api/v1/assignments/\(assignment)/outcomes",
                template: "/api/v1/assignments/{id}/outcomes",
                as: ent,
                body:
                    #"{"kind": "project", "title": "x", "achieved_on": "2026-10-01", "evidence": {"filename": "a", "content_type": "text/plain", "data": ""}}"#
            )
            if case .number(let oid)? = outcome["id"] {
                _ = try await c.call(
                    client, .post, "/api/v1/outcomes/\(Int(oid))/verify", template: "/api/v1/outcomes/{id}/{action}",
                    as: staff)
            }
            let (listed, list) = try await c.call(
                client, .get, "/api/v1/outcomes?status=verified", template: "/api/v1/outcomes", as: staff)
            #expect(listed == .ok)
            if case .array(let items)? = list["items"] {
                #expect(items.count == 1)
            } else {
                Issue.record("no outcome list")
            }
            _ = try await c.call(client, .get, "/api/v1/outcomes?limit=0", template: "/api/v1/outcomes", as: staff)
            if case .number(let oid)? = outcome["id"] {
                let (download, _) = try await c.call(
                    client, .get, "/api/v1/outcomes/\(Int(oid))/evidence", template: "/api/v1/outcomes/{id}/evidence",
                    as: ent)
                #expect(download == .ok)
            }
            let (composition, _) = try await c.call(
                client, .get, "/api/v1/reports/composition", template: "/api/v1/reports/composition", as: staff)
            #expect(composition == .ok)
            let (logged, _) = try await c.call(
                client, .post, "/api/v1/assignments/\(assignment)/service-logs",
                template: "/api/v1/assignments/{id}/service-logs", as: staff,
                body: #"{"served_on": "2027-01-05", "days": 2, "work": "驻企指导"}"#)
            #expect(logged == .unprocessableContent)  // in the future for this world's "today"
            _ = try await c.call(
                client, .get, "/api/v1/service-logs/status?behind=true", template: "/api/v1/service-logs/status",
                as: staff)
            _ = try await c.call(
                client, .post, "/api/v1/assignments/\(assignment)/assessments",
                template: "/api/v1/assignments/{id}/assessments", as: staff,
                body: #"{"period": "2027", "grade": "good", "comments": "良好"}"#)
            _ = try await c.call(
                client, .get, "/api/v1/assignments/\(assignment)/renewal", template: "/api/v1/assignments/{id}/renewal",
                as: staff)
            _ = try await c.call(
                client, .post, "/api/v1/assignments/\(assignment)/renew", template: "/api/v1/assignments/{id}/renew",
                as: staff)
            let (funnelStatus, _) = try await c.call(
                client, .get, "/api/v1/reports/needs", template: "/api/v1/reports/needs", as: staff)
            #expect(funnelStatus == .ok)
            _ = try await c.call(client, .get, "/api/v1/reports/needs", template: "/api/v1/reports/needs", as: ent)
            let (gapStatus, _) = try await c.call(
                client, .get, "/api/v1/reports/talent-gap", template: "/api/v1/reports/talent-gap", as: staff)
            #expect(gapStatus == .ok)
            let (reportStatus, report) = try await c.call(
                client, .get, "/api/v1/reports/headline?group_by=unit", template: "/api/v1/reports/headline", as: staff)
            #expect(reportStatus == .ok)
            if case .array(let items)? = report["items"], case .object(let first)? = items.first {
                #expect(first["projects"] == .number(1))
            } else {
                Issue.record("no report rows")
            }
            _ = try await c.call(
                client, .get, "/api/v1/reports/headline?group_by=planet", template: "/api/v1/reports/headline",
                as: staff)

            let org = Int(orgID)
            _ = try await c.call(
                client, .get, "/api/v1/organizations/\(org)", template: "/api/v1/organizations/{id}", as: newToken)
            _ = try await c.call(
                client, .put, "/api/v1/organizations/\(org)", template: "/api/v1/organizations/{id}", as: newToken,
                body:
                    #"{"region_code": "220100", "address": "长春市", "tracks": ["equipment"], "founded_year": 2015, "contact": {"name": "王工", "phone": "13912345678"}}"#
            )
            _ = try await c.call(
                client, .put, "/api/v1/organizations/\(org)", template: "/api/v1/organizations/{id}", as: newToken,
                body: #"{"region_code": "110101", "contact": {"name": "", "phone": "123"}}"#)
            _ = try await c.call(
                client, .put, "/api/v1/organizations/\(org)/aliases", template: "/api/v1/organizations/{id}/aliases",
                as: staff, body: #"{"aliases": ["一致性测试公司"]}"#)
            _ = try await c.call(
                client, .get, "/api/v1/organizations/\(org)/similar", template: "/api/v1/organizations/{id}/similar",
                as: staff)
            _ = try await c.call(
                client, .get, "/api/v1/audit?entity=need&entity_id=\(needID)", template: "/api/v1/audit", as: staff)
            _ = try await c.call(client, .get, "/api/v1/audit?entity=nope", template: "/api/v1/audit", as: staff)
            _ = try await c.call(client, .get, "/api/v1/audit", template: "/api/v1/audit", as: ent)
            _ = try await c.call(
                client, .post, "/api/v1/organizations/\(org)/merge", template: "/api/v1/organizations/{id}/merge",
                as: staff, body: #"{"into": \#(org)}"#)
            _ = try await c.call(
                client, .post, "/api/v1/organizations/\(org)/merge", template: "/api/v1/organizations/{id}/merge",
                as: staff, body: #"{"into": \#(ids["a"]!), "reason": "重复注册"}"#)
            _ = try await c.call(client, .post, "/api/v1/auth/logout", template: "/api/v1/auth/logout", as: newToken)
            _ = try await c.call(client, .get, "/api/v1/auth/me", template: "/api/v1/auth/me", as: newToken)

            // Every documented operation was exercised.
            var documented = Set<String>()
            if case .object(let paths)? = document["paths"] {
                for (path, item) in paths {
                    if case .object(let methods) = item {
                        for m in methods.keys { documented.insert("\(m.uppercased()) \(path)") }
                    }
                }
            }
            let missing = documented.subtracting(c.covered.withLockedValue { $0 })
            #expect(missing.isEmpty, "documented but not exercised: \(missing.sorted())")
        }
        _ = accounts
    }
}
