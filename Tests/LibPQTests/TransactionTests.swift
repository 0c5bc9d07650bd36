import Foundation
import LibPQ
import NIOConcurrencyHelpers
import TestSupport
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Boom: Error {}

    @Test("commit on return, roll back when the closure throws")
    func commitAndRollback() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "tx")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE t (v int)")
        try await pool.withTransaction { try $0.execute("INSERT INTO t VALUES (1)") }
        await #expect(throws: Boom.self) {
            try await pool.withTransaction { c in
                try c.execute("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        await #expect(throws: PGError.self) {
            try await pool.withTransaction { c in
                try c.execute("INSERT INTO t VALUES (3)")
                try c.execute("INSERT INTO t VALUES ('x')")
            }
        }
        let values = try await pool.query("SELECT v FROM t ORDER BY v").map { try $0.decode(0, as: Int.self) }
        #expect(values == [1])
        // The connection went back to the pool clean: a new transaction works on it.
        #expect(pool.statistics.inUse == 0)
        try await pool.withTransaction { try $0.execute("INSERT INTO t VALUES (4)") }
    }

    @Test(
        "a serialization failure rolls back and re-runs the closure",
        arguments: [PGIsolation.repeatableRead, .serializable])
    func retryAfterSerializationFailure(isolation: PGIsolation) async throws {
        let (pool, name) = try await TestDatabase.makeEmpty(prefix: "tx", maxConnections: 2)
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE counter (id int PRIMARY KEY, v int NOT NULL)")
        try await pool.execute("INSERT INTO counter VALUES (1, 0)")
        let attempts = NIOLockedValueBox(0)
        let settings = TestDatabase.settings(database: name)
        try await pool.withTransaction(isolation: isolation) { c in
            let attempt = attempts.withLockedValue { a -> Int in
                a += 1
                return a
            }
            _ = try c.query("SELECT v FROM counter WHERE id = 1").scalar(Int.self)
            if attempt == 1 {
                // Another session commits a change to the row this transaction's snapshot has already seen.
                let other = try PGConnection.connect(settings)
                try other.execute("UPDATE counter SET v = v + 1 WHERE id = 1")
            }
            try c.execute("UPDATE counter SET v = v + 10 WHERE id = 1")
        }
        #expect(attempts.withLockedValue { $0 } == 2)
        #expect(try await pool.query("SELECT v FROM counter").scalar(Int.self) == 11)
    }

    @Test("retries are bounded: a conflict on every attempt ends with the serialization error")
    func boundedRetries() async throws {
        let (pool, name) = try await TestDatabase.makeEmpty(prefix: "tx", maxConnections: 2)
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE counter (id int PRIMARY KEY, v int NOT NULL)")
        try await pool.execute("INSERT INTO counter VALUES (1, 0)")
        let attempts = NIOLockedValueBox(0)
        let settings = TestDatabase.settings(database: name)
        do {
            try await pool.withTransaction(isolation: .repeatableRead, maxAttempts: 3) { c in
                attempts.withLockedValue { $0 += 1 }
                _ = try c.query("SELECT v FROM counter WHERE id = 1").scalar(Int.self)
                try PGConnection.connect(settings).execute("UPDATE counter SET v = v + 1 WHERE id = 1")
                try c.execute("UPDATE counter SET v = v + 10 WHERE id = 1")
            }
            Issue.record("expected a serialization failure")
        } catch let e as PGError {
            #expect(e.sqlState == PGError.State.serializationFailure)
        }
        #expect(attempts.withLockedValue { $0 } == 3)
        #expect(try await pool.query("SELECT v FROM counter").scalar(Int.self) == 3)
    }
}
