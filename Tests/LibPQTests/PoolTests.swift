import Foundation
import LibPQ
import NIOCore
import TestSupport
import Testing

@Suite("Connection pool")
struct PoolTests {
    @Test("200 concurrent queries through a pool of 4 each get their own answer")
    func concurrency() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "pool", maxConnections: 4, acquireTimeout: 30_000)
        defer { Task { await pool.close() } }
        let results = try await withThrowingTaskGroup(of: (Int, Int, String).self) { group in
            for i in 0..<200 {
                group.addTask {
                    let r = try await pool.query("SELECT \(i) * 3, \("任务-\(i)") || pg_sleep(0.002)::text")[0]
                    return (i, try r.decode(0, as: Int.self), try r.decode(1, as: String.self))
                }
            }
            var out: [(Int, Int, String)] = []
            for try await r in group { out.append(r) }
            return out
        }
        #expect(results.count == 200)
        for (i, tripled, text) in results {
            #expect(tripled == i * 3)
            #expect(text == "任务-\(i)")
        }
        let stats = pool.statistics
        #expect(stats.open <= 4)
        #expect(stats.created <= 4)
        #expect(stats.inUse == 0)
        #expect(stats.waiting == 0)
    }

    @Test("an exhausted pool gives the acquire-timeout error")
    func acquireTimeout() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "pool", maxConnections: 1, acquireTimeout: 200)
        defer { Task { await pool.close() } }
        async let holder: Void = { _ = try await pool.query("SELECT pg_sleep(3)") }()
        while pool.statistics.inUse == 0 { try await Task.sleep(for: .milliseconds(10)) }
        do {
            _ = try await pool.query("SELECT 1")
            Issue.record("expected a timeout")
        } catch let e as PGError {
            #expect(e.kind == .acquireTimeout)
            #expect(e.message.contains("200 ms"))
            // The error came while the only connection was still held, i.e. from the timeout, not a hand-over.
            #expect(pool.statistics.inUse == 1)
            #expect(pool.statistics.waiting == 0)
        }
        try await holder
        // Once the holder is done the pool serves again.
        #expect(try await pool.query("SELECT 5").scalar(Int.self) == 5)
    }

    @Test("the session setup runs on every connection the pool opens")
    func sessionSetup() async throws {
        let pool = PGPool(
            .init(
                settings: TestDatabase.settings(database: "postgres"), maxConnections: 2,
                sessionSetup: "SET jit TO off; SET work_mem TO '7MB'"))
        defer { Task { await pool.close() } }
        // Two queries held at once need two connections; both show the settings.
        async let a = pool.query("SELECT current_setting('jit') || current_setting('work_mem'), pg_sleep(0.2)::text")
        async let b = pool.query("SELECT current_setting('jit') || current_setting('work_mem'), pg_sleep(0.2)::text")
        let answers = try await [a[0].decode(0, as: String.self), b[0].decode(0, as: String.self)]
        #expect(answers == ["off7MB", "off7MB"])
        #expect(pool.statistics.created == 2)
    }

    @Test("a closed pool refuses work with poolClosed")
    func closed() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "pool")
        _ = try await pool.query("SELECT 1")
        await pool.close()
        await #expect(throws: PGError.self) { try await pool.query("SELECT 1") }
    }

    @Test("a killed backend is replaced and the next query succeeds")
    func killedBackend() async throws {
        let (pool, name) = try await TestDatabase.makeEmpty(prefix: "pool", maxConnections: 1)
        defer { Task { await pool.close() } }
        let pid = try await pool.withConnection { $0.backendPID }
        let admin = try PGConnection.connect(TestDatabase.settings(database: name))
        #expect(try admin.query("SELECT pg_terminate_backend(\(pid)::int)").scalar(Bool.self))
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await pool.query("SELECT 7").scalar(Int.self) == 7)
        #expect(try await pool.withConnection { $0.backendPID } != pid)
        #expect(pool.statistics.replaced == 1)
    }
}

@Suite("Prepared statement cache")
struct PreparedStatementTests {
    @Test("repeated statements are prepared once per connection and survive a schema change")
    func cache() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "prep", maxConnections: 1)
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE p (id int, name text)")
        for i in 0..<5 { try await pool.execute("INSERT INTO p VALUES (\(i), \("名\(i)"))") }
        let prepared = try await pool.query("SELECT count(*) FROM pg_prepared_statements").scalar(Int.self)
        #expect(prepared >= 2)
        #expect(try await pool.query("SELECT * FROM p WHERE id = \(3)")[0].decode("name", as: String.self) == "名3")
        // The cached plan of SELECT * would change its result type: the layer re-runs it unprepared.
        try await pool.execute("ALTER TABLE p ADD COLUMN extra int DEFAULT 7")
        let row = try await pool.query("SELECT * FROM p WHERE id = \(3)")[0]
        #expect(row.result.columns == ["id", "name", "extra"])
        #expect(try row.decode("extra", as: Int.self) == 7)
        // Same text, different parameter types: two statements, both correct.
        #expect(try await pool.query("SELECT \(1)::text").scalar(String.self) == "1")
        #expect(try await pool.query("SELECT \("x")::text").scalar(String.self) == "x")
    }
}
