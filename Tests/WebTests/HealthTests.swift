import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Logging
import Storage
import TestSupport
import Testing
import Web

@Suite("Health and readiness probes")
struct HealthTests {
    @Test("/readyz is 503 with a reason while migrations are pending, 200 once they are applied")
    func readiness() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "web")
        defer { Task { await pool.close() } }
        let migrator = try Migrator(directory: TestDatabase.sqlDirectory)
        let app = Application(
            router: buildRouter(WebDependencies(pool: pool, migrator: migrator, logger: Logger(label: "test"))))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"ok\""))
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("pending"))
            }
            try await migrator.migrate(pool)
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("ready"))
            }
            // A newer release migrated the database (rolling upgrade): this instance stays ready and says why.
            try await pool.query(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'next_release', 'x')")
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("9999_next_release"))
            }
        }
    }

    @Test("/readyz is 503 when the database cannot be reached, and /healthz still answers")
    func databaseDown() async throws {
        let pool = PGPool(
            .init(
                settings: PGConnectionSettings(
                    connectionString: "postgresql:///kczy?host=/nonexistent&connect_timeout=1"),
                acquireTimeout: .milliseconds(300)))
        defer { Task { await pool.close() } }
        let migrator = try Migrator(directory: TestDatabase.sqlDirectory)
        let app = Application(
            router: buildRouter(WebDependencies(pool: pool, migrator: migrator, logger: Logger(label: "test"))))
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = String(buffer: response.body)
                #expect(body.contains("database unavailable"))
                #expect(!body.contains("nonexistent"))
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
