import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Storage
import TestSupport
import Testing
import Web

@Suite("Hardening: per-address rate limit, security headers on every answer, request size limit")
struct HardeningTests {
    @Test("past the rate a client gets 429 with Retry-After before any handler runs; probes are exempt")
    func rateLimit() async throws {
        let pool = try await TestDatabase.makeMigrated(prefix: "hardening")
        defer { Task { await pool.close() } }
        let app = Application(
            router: buildRouter(
                WebDependencies(
                    pool: pool, migrator: try Migrator(directory: TestDatabase.sqlDirectory),
                    logger: Logger(label: "t"),
                    rateLimit: RateLimit(perSecond: 0.5, trustForwardedFor: true))))
        try await app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<30 {
                let r = try await client.execute(
                    uri: "/api/v1/openapi.json", method: .get, headers: [HTTPField.Name("X-Forwarded-For")!: "10.0.0.1"]
                ) { $0 }
                statuses.append(r.status)
                if r.status == .tooManyRequests {
                    #expect(r.headers[.retryAfter] == "1")
                    #expect(String(buffer: r.body).contains(#""code":"rate_limited""#))
                }
            }
            // The burst (one request at 0.5/s) passes; refills come every 2 s, so however slow the machine, most of
            // the 30 quick requests are refused.
            let passed = statuses.filter { $0 == .ok }.count
            #expect(statuses.first == .ok)
            #expect(passed >= 1 && passed < 15, "\(statuses)")
            #expect(statuses.contains(.tooManyRequests))
            // Another address has its own bucket; health probes are never limited.
            let other = try await client.execute(
                uri: "/api/v1/openapi.json", method: .get, headers: [HTTPField.Name("X-Forwarded-For")!: "10.0.0.2"]
            ) { $0.status }
            #expect(other == .ok)
            for _ in 0..<20 {
                let health = try await client.execute(
                    uri: "/healthz", method: .get, headers: [HTTPField.Name("X-Forwarded-For")!: "10.0.0.1"]
                ) { $0.status }
                #expect(health == .ok)
            }
        }
    }

    @Test("API answers carry nosniff, a deny-all CSP, frame denial and a request id; oversized bodies are 413")
    func headers() async throws {
        let (app, pool, _, tokens, _) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            let r = try await client.execute(
                uri: "/api/v1/needs", method: .get, headers: [.authorization: "Bearer \(tokens["entA"]!)"]
            ) { $0 }
            #expect(r.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(
                r.headers[HTTPField.Name("Content-Security-Policy")!] == "default-src 'none'; frame-ancestors 'none'")
            #expect(r.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            let page = try await client.execute(uri: "/login", method: .get) { $0 }
            #expect(
                page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("form-action 'self'") == true)
            let big = try await client.execute(
                uri: "/api/v1/needs", method: .post,
                headers: [.authorization: "Bearer \(tokens["entA"]!)", .contentType: "application/json"],
                body: ByteBuffer(repeating: UInt8(ascii: " "), count: 3 * 1024 * 1024)
            ) { $0 }
            #expect(big.status == .contentTooLarge)
            #expect(big.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
        }
    }
}
