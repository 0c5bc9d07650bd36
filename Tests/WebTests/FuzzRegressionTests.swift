import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Storage
import Testing
import Web

/// Inputs the schemathesis fuzz run (scripts/fuzz-test.py) found answering 500: each must now be a 4xx naming the
/// field, and nothing may be written.
@Suite("Fuzz regressions: values past a column's range and U+0000 are client errors")
struct FuzzRegressionTests {
    typealias Actor = AuthorizationMatrixTests.Actor

    struct Case: Sendable, CustomStringConvertible {
        var actor: Actor
        var method: HTTPRequest.Method
        var path: String
        var body: String
        var status: HTTPResponse.Status
        var field: String
        var description: String { "\(method) \(path) \(body.prefix(80))" }
    }

    static let need = #""title": "边界值测试需求标题", "description": "描述", "tracks": ["equipment"]"#
    static let outcome =
        #""title": "边界值测试成效", "achieved_on": "2026-10-01", "evidence": {"filename": "a.pdf", "content_type": "application/pdf", "data": "JVBERi0xLjQgdGVzdA=="}"#

    static func cases(_ ids: [String: Int]) -> [Case] {
        let outcomes = "/api/v1/assignments/\(ids["assignment"]!)/outcomes"
        let draft = "/api/v1/needs/\(ids["draft"]!)"
        return [
            // numeric(14, 2) overflows (SQLSTATE 22003) in the INSERT/UPDATE.
            Case(
                actor: .entA, method: .post, path: "/api/v1/needs", body: "{\(need), \"budget\": 1e20}",
                status: .unprocessableContent, field: "budget"),
            Case(
                actor: .entA, method: .put, path: draft, body: "{\(need), \"budget\": 1000000000000}",
                status: .unprocessableContent, field: "budget"),
            Case(
                actor: .entA, method: .post, path: outcomes,
                body: #"{\#(outcome), "kind": "contract", "contract_type": "development", "contract_value": 1e15}"#,
                status: .unprocessableContent, field: "contract_value"),
            Case(
                actor: .entA, method: .post, path: outcomes,
                body: #"{\#(outcome), "kind": "patent", "amount_received": 1e13}"#,
                status: .unprocessableContent, field: "amount_received"),
            // integer (int4) overflows.
            Case(
                actor: .entA, method: .post, path: outcomes,
                body: #"{\#(outcome), "kind": "staff_trained", "trained_count": 1099511627776}"#,
                status: .unprocessableContent, field: "trained_count"),
            // U+0000: PostgreSQL text cannot hold it (libpq cut the value short, or the server refused it).
            Case(
                actor: .entA, method: .post, path: "/api/v1/needs",
                body: #"{"title": "需求\u0000标题标题", "description": "描述", "tracks": ["equipment"]}"#,
                status: .badRequest, field: "title"),
            Case(
                actor: .entA, method: .post, path: "/api/v1/needs",
                body: #"{\#(need), "keywords": ["传感器", "a\u0000b"]}"#, status: .badRequest, field: "keywords.1"),
            Case(
                actor: .entA, method: .post, path: outcomes,
                body: #"{\#(outcome), "kind": "patent", "patent_number": "ZL\u0000"}"#, status: .badRequest,
                field: "patent_number"),
            Case(
                actor: .staff, method: .put, path: "/api/v1/organizations/\(ids["a"]!)/aliases",
                body: #"{"aliases": ["别名\u0000"]}"#, status: .badRequest, field: "aliases.0"),
        ]
    }

    @Test("each input answers its 4xx naming the field, and writes nothing")
    func regressions() async throws {
        let (app, pool, accounts, tokens, base) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let w = try await AuthorizationMatrixTests.world(pool, accounts, base, tokens)
        let watch = """
            SELECT (SELECT count(*) FROM need)::text || '/' || (SELECT count(*) FROM outcome)::text || '/'
                || (SELECT coalesce(max(budget), 0) FROM need)::text || '/'
                || (SELECT count(*) FROM organization_alias)::text
            """
        let before = try await pool.query(PGQuery(unsafeSQL: watch)).scalar(String.self)
        try await app.test(.router) { client in
            for c in Self.cases(w.ids) {
                let (status, body) = try await NeedAPITests.call(
                    client, c.method, c.path, as: w.api[c.actor], body: c.body)
                #expect(status == c.status, "\(c)")
                let error = body["error"] as? [String: Any]
                let fields = (error?["fields"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                #expect(fields.contains(c.field), "\(c): \(body)")
            }
        }
        #expect(try await pool.query(PGQuery(unsafeSQL: watch)).scalar(String.self) == before)
    }
}
