import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Testing
import Web

@Suite("Observability: Prometheus metrics by route, login failures, pool gauges, request ids, JSON logs")
struct ObservabilityTests {
    /// The value of the first sample line that starts with `prefix` (name plus labels), or nil.
    static func sample(_ text: String, _ prefix: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }
            .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
    }

    @Test("with KCZY_METRICS_TOKEN set, /metrics answers only that bearer token")
    func metricsToken() async throws {
        let (app, pool, _, tokens, _) = try await ExpertAPITests.world(metricsToken: "scrape-secret-1")
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            for header in [nil, "Bearer scrape-secret-2", "Bearer scrape-secret-1x", "Bearer \(tokens["staff"]!)"] {
                let headers: HTTPFields = header.map { [.authorization: $0] } ?? [:]
                let denied = try await client.execute(uri: "/metrics", method: .get, headers: headers) { $0 }
                #expect(denied.status == .unauthorized, "\(header ?? "no header")")
                #expect(!String(buffer: denied.body).contains("hb_requests"))
            }
            let ok = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer scrape-secret-1"]
            ) { $0 }
            #expect(ok.status == .ok)
            #expect(String(buffer: ok.body).contains("kczy_db_pool_connections_open"))
        }
    }

    @Test("/metrics counts requests and latency by route, login failures and the pool; every answer has a request id")
    func metrics() async throws {
        let (app, pool, _, tokens, _) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            let scrape = { @Sendable () async throws -> String in
                try await client.execute(uri: "/metrics", method: .get) { r in
                    #expect(r.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                    return String(buffer: r.body)
                }
            }
            let before = try await scrape()
            let failuresBefore = Self.sample(before, "kczy_login_failures_total") ?? 0
            let ok = try await client.execute(
                uri: "/api/v1/needs", method: .get, headers: [.authorization: "Bearer \(tokens["entA"]!)"]
            ) { $0 }
            #expect(ok.status == .ok)
            #expect(ok.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
            for _ in 0..<2 {
                let bad = try await client.execute(
                    uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"username": "entA", "password": "wrong-password"}"#)
                ) { $0 }
                #expect(bad.status == .unauthorized)
                #expect(bad.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
            }
            let after = try await scrape()
            // The registry is per process and other suites fail logins in parallel: at least these two are counted.
            #expect((Self.sample(after, "kczy_login_failures_total") ?? 0) >= failuresBefore + 2)
            let route = #"http_route="/api/v1/needs""#
            let buckets = after.split(separator: "\n").filter {
                $0.hasPrefix("http_server_request_duration_bucket") && $0.contains(route)
                    && $0.contains(#"http_response_status_code="200""#)
            }
            #expect(buckets.count > 5, "\(after.prefix(3000))")
            #expect(after.split(separator: "\n").contains { $0.hasPrefix("hb_requests") && $0.contains(route) })
            #expect(Self.sample(after, "kczy_db_pool_connections_open") ?? 0 >= 1)
            #expect(after.contains("kczy_db_pool_waiting"))
        }
    }

    @Test("JSON logs: one parsable object per line with level, label, message and metadata")
    func jsonLogs() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var logger = Logger(label: "kczy.test") {
            JSONLogHandler(label: $0) { line in lines.withLockedValue { $0.append(line) } }
        }
        logger.logLevel = .info
        logger[metadataKey: "hb.request.id"] = "abc123"
        logger.debug("hidden")
        logger.info("请求完成", metadata: ["status": "200", "tags": ["a", "b"]])
        let written = lines.withLockedValue { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info" && object["label"] as? String == "kczy.test")
        #expect(object["message"] as? String == "请求完成" && object["hb.request.id"] as? String == "abc123")
        #expect(object["status"] as? String == "200" && object["tags"] as? [String] == ["a", "b"])
        #expect((object["ts"] as? String)?.hasSuffix("Z") == true)
    }
}
