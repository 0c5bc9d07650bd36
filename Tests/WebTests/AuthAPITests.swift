import Auth
import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Logging
import Storage
import TestSupport
import Testing
import Web

@Suite("Auth API: login, tokens, revocation, throttling, error shape")
struct AuthAPITests {
    static let hasher = PasswordHasher(rounds: 1000)

    static func app() async throws -> (some ApplicationProtocol, PGPool) {
        let pool = try await TestDatabase.makeMigrated(prefix: "auth")
        try await pool.execute(
            """
            INSERT INTO account (username, display_name, role, password_hash)
            VALUES ('staff1', '项目办', 'staff', \(try hasher.hash("correct horse")))
            """)
        let deps = WebDependencies(
            pool: pool, migrator: try Migrator(directory: TestDatabase.sqlDirectory), logger: Logger(label: "test"),
            accounts: AccountStore(pool: pool, hasher: hasher))
        return (Application(router: buildRouter(deps)), pool)
    }

    static func json(_ body: String) -> ByteBuffer { ByteBuffer(string: body) }

    static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test("login issues a bearer token; /me answers with it; logout revokes it")
    func loginAndLogout() async throws {
        let (app, pool) = try await Self.app()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            var token = ""
            try await client.execute(
                uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                body: Self.json(#"{"username": "STAFF1", "password": "correct horse"}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.object(response.body)
                token = try #require(body["token"] as? String)
                #expect((body["account"] as? [String: Any])?["role"] as? String == "staff")
            }
            try await client.execute(uri: "/api/v1/auth/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            {
                response in
                #expect(response.status == .ok)
                let me = try Self.object(response.body)
                #expect(me["display_name"] as? String == "项目办")
            }
            try await client.execute(uri: "/api/v1/auth/me", method: .get) { response in
                #expect(response.status == .unauthorized)
                let error = try Self.object(response.body)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "unauthenticated")
                #expect(response.headers[.init("X-Request-Id")!] != nil)
            }
            try await client.execute(
                uri: "/api/v1/auth/logout", method: .post, headers: [.authorization: "Bearer \(token)"]
            ) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/v1/auth/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            {
                #expect($0.status == .unauthorized)
            }
        }
        // Only the digest is stored.
        let stored = try await pool.query("SELECT count(*) FROM auth_token WHERE revoked_at IS NOT NULL").scalar(
            Int.self)
        #expect(stored == 1)
    }

    @Test("wrong passwords are 401, and the sixth failure in a row is throttled with 429 and Retry-After")
    func throttling() async throws {
        let (app, pool) = try await Self.app()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(
                    uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                    body: Self.json(#"{"username": "staff1", "password": "wrong"}"#)
                ) { response in
                    #expect(response.status == .unauthorized)
                    let error = try Self.object(response.body)["error"] as? [String: Any]
                    #expect(error?["code"] as? String == "invalid_credentials")
                }
            }
            // Even the right password is refused while the account is throttled.
            try await client.execute(
                uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                body: Self.json(#"{"username": "staff1", "password": "correct horse"}"#)
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }

    @Test("malformed and oversized bodies are 4xx naming the problem, never 500")
    func badBodies() async throws {
        let (app, pool) = try await Self.app()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                body: Self.json(#"{"username": "staff1"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let fields = (try Self.object(response.body)["error"] as? [String: Any])?["fields"] as? [[String: Any]]
                #expect(fields?.first?["field"] as? String == "password")
            }
            try await client.execute(
                uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                body: Self.json("{not json")
            ) { #expect($0.status == .badRequest) }
            try await client.execute(
                uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: String(repeating: "x", count: 3 * 1024 * 1024))
            ) { #expect($0.status == .contentTooLarge) }
        }
    }
}
