import Auth
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LibPQ
import NIOCore
import Storage
import TestSupport
import Testing
import Web

/// Every route, for every role, against the caller's own data and other tenants' data.
///
/// For each route the denied callers go first and must get 401 (anonymous), 403 or 404, and the resource the route
/// touches must be unchanged afterwards; then the allowed callers must get past authorization (anything but 401,
/// 403, 404 or a 5xx).
@Suite("Authorization matrix: every route × every role, own and other tenants' data")
struct AuthorizationMatrixTests {
    enum Actor: String, CaseIterable {
        case anonymous, entA, entB, unitU, unitV, expertU, staff, admin
    }

    struct Route {
        init(
            method: HTTPRequest.Method, path: String, body: String? = nil, allowed: [Actor], watch: String? = nil,
            destructive: Bool = false
        ) {
            self.destructive = destructive
            self.method = method
            self.path = path
            self.body = body
            self.allowed = Set(allowed)
            self.watch = watch
        }

        var method: HTTPRequest.Method
        var path: String
        var body: String?
        var allowed: Set<Actor>
        /// SQL returning one text that must not change when a denied caller tries the route.
        var watch: String?
        /// The first allowed caller consumes the resource (a delete), so only that one is tried.
        var destructive: Bool
        var page: Bool { !path.hasPrefix("/api/") }
    }

    @Test("denied callers get 401/403/404 and change nothing; allowed callers get through")
    func matrix() async throws {
        let (app, pool, accounts, tokens, base) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let w = try await Self.world(pool, accounts, base, tokens)
        let routes = Self.routes(w)
        try await app.test(.router) { client in
            for route in routes {
                let before = try await Self.snapshot(pool, route.watch)
                let denied = Actor.allCases.filter { !route.allowed.contains($0) }
                for actor in denied {
                    let (status, location) = try await Self.send(client, route, actor, w)
                    if actor == .anonymous {
                        if route.page {
                            #expect(
                                status == .seeOther && location?.hasPrefix("/login") == true,
                                "\(route.method) \(route.path) anonymous → \(status)")
                        } else {
                            #expect(status == .unauthorized, "\(route.method) \(route.path) anonymous → \(status)")
                        }
                    } else {
                        #expect(
                            [.forbidden, .notFound].contains(status),
                            "\(route.method) \(route.path) as \(actor) → \(status)")
                    }
                }
                #expect(
                    try await Self.snapshot(pool, route.watch) == before,
                    "\(route.method) \(route.path) changed data for a denied caller")
                let allowed = route.allowed.sorted(by: { $0.rawValue < $1.rawValue })
                for actor in route.destructive ? Array(allowed.prefix(1)) : allowed {
                    let (status, _) = try await Self.send(client, route, actor, w)
                    #expect(
                        ![.unauthorized, .forbidden, .notFound].contains(status) && status.code < 500,
                        "\(route.method) \(route.path) as \(actor) → \(status)")
                }
            }
        }
    }

    @Test("the matrix covers every documented API operation that needs a login")
    func coverage() async throws {
        let (app, pool, accounts, tokens, base) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let routes = Self.routes(try await Self.world(pool, accounts, base, tokens))
        let public_: Set<String> = [
            "GET /healthz", "GET /readyz", "POST /api/v1/auth/login", "POST /api/v1/registrations/enterprise",
            "POST /api/v1/registrations/unit", "POST /api/v1/auth/logout",
        ]
        let document = try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { String(buffer: $0.body) }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        var missing: [String] = []
        for (template, methods) in paths {
            for method in methods.keys {
                let key = "\(method.uppercased()) \(template)"
                if public_.contains(key) { continue }
                let covered = routes.contains { r in
                    r.method.rawValue == method.uppercased() && Self.matches(template, r.path)
                }
                if !covered { missing.append(key) }
            }
        }
        #expect(missing.isEmpty, "not in the matrix: \(missing.sorted())")
    }

    static func matches(_ template: String, _ path: String) -> Bool {
        let t = template.split(separator: "/")
        let p = path.split(separator: "?")[0].split(separator: "/")
        guard t.count == p.count else { return false }
        return zip(t, p).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    static func snapshot(_ pool: PGPool, _ sql: String?) async throws -> String? {
        guard let sql else { return nil }
        return try await pool.query(PGQuery(unsafeSQL: sql)).scalar(String.self)
    }

    static func send(_ client: some TestClientProtocol, _ route: Route, _ actor: Actor, _ w: World) async throws
        -> (HTTPResponse.Status, String?)
    {
        var headers = HTTPFields()
        var body = route.body
        if route.page {
            headers[.contentType] = "application/x-www-form-urlencoded"
            if let s = w.sessions[actor] {
                headers[.cookie] = "kczy_session=\(s.secret)"
                if route.method == .post { body = (body.map { $0.isEmpty ? "" : $0 + "&" } ?? "") + "_csrf=\(s.csrf)" }
            }
        } else {
            headers[.contentType] =
                route.path.contains("/imports/") && route.method == .post ? "text/csv" : "application/json"
            if let t = w.api[actor] { headers[.authorization] = "Bearer \(t)" }
        }
        return try await client.execute(
            uri: route.path, method: route.method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { ($0.status, $0.headers[.location]) }
    }
}
