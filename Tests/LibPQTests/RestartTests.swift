import Foundation
import LibPQ
import TestSupport
import Testing

/// Runs against its own private cluster: restarting the shared one would break every other suite.
@Suite("Server restart and connection settings", .serialized)
struct RestartTests {
    @Test("the server restarts mid-test and the next query succeeds without a new pool")
    func restart() async throws {
        let cluster = try PrivateCluster.start(name: "restart")
        defer { cluster.destroy() }
        let pool = PGPool(.init(settings: PGConnectionSettings(connectionString: cluster.uri), maxConnections: 3))
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE IF NOT EXISTS marks (v int)")
        try await pool.execute("INSERT INTO marks VALUES (1)")
        let before = try await pool.withConnection { $0.backendPID }

        try cluster.restart()

        try await pool.execute("INSERT INTO marks VALUES (2)")
        #expect(try await pool.query("SELECT count(*) FROM marks").scalar(Int.self) == 2)
        #expect(try await pool.withConnection { $0.backendPID } != before)
        #expect(pool.statistics.replaced >= 1)
    }

    @Test("while the server is down queries fail cleanly, and succeed once it is back")
    func downThenUp() async throws {
        let cluster = try PrivateCluster.start(name: "down")
        defer { cluster.destroy() }
        let pool = PGPool(
            .init(settings: PGConnectionSettings(connectionString: cluster.uri), acquireTimeout: .milliseconds(400)))
        defer { Task { await pool.close() } }
        #expect(try await pool.query("SELECT 1").scalar(Int.self) == 1)
        try cluster.stop()
        do {
            _ = try await pool.query("SELECT 1")
            Issue.record("expected a connection error")
        } catch let e as PGError {
            #expect(e.isConnectionLoss)
        }
        try cluster.startAgain()
        #expect(try await pool.query("SELECT 2").scalar(Int.self) == 2)
    }

    @Test("TCP keepalives and a user timeout are set before the connection string, so a URI's own values win")
    func keepalives() {
        let s = PGConnectionSettings(connectionString: "postgresql://db1,db2/kczy?keepalives_idle=5")
        let keys = s.parameters.map(\.key)
        let uri = try! #require(keys.firstIndex(of: "dbname"))
        for key in ["keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout"] {
            let i = try! #require(keys.firstIndex(of: key), "\(key)")
            #expect(i < uri, "\(key) must come before the connection string")
        }
        #expect(s.parameters.first { $0.key == "tcp_user_timeout" }?.value == "60000")
    }

    @Test("URIs, multi-host lists and target_session_attrs pass through to libpq unchanged")
    func connectionStrings() async throws {
        let cluster = try PrivateCluster.start(name: "uri")
        defer { cluster.destroy() }
        let multi =
            "postgresql://%2Fnonexistent%2Fsocket,\(cluster.socketDirectory.replacingOccurrences(of: "/", with: "%2F"))"
            + ":\(cluster.port),\(cluster.port)/kczy?user=postgres&target_session_attrs=read-write&connect_timeout=2"
        let c = try PGConnection.connect(PGConnectionSettings(connectionString: multi))
        #expect(try c.query("SELECT current_database()").scalar(String.self) == "kczy")
        #expect(try c.query("SELECT NOT pg_is_in_recovery()").scalar(Bool.self))
        let conninfo = "host=\(cluster.socketDirectory) port=\(cluster.port) user=postgres dbname=postgres"
        let c2 = try PGConnection.connect(PGConnectionSettings(connectionString: conninfo))
        #expect(try c2.query("SELECT current_database()").scalar(String.self) == "postgres")
        #expect(throws: PGError.self) {
            try PGConnection.connect(PGConnectionSettings(connectionString: "postgresql:///kczy?host=/nonexistent"))
        }
    }
}
