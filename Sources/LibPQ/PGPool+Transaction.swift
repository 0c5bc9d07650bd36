import Foundation

/// Transaction isolation levels.
public enum PGIsolation: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension PGPool {
    /// Runs `body` inside a transaction: commits on return, rolls back on throw.
    ///
    /// Serialization failures and deadlocks (40001, 40P01) roll back and re-run `body`, up to `maxAttempts`
    /// times in all, so `body` must have no effects outside the database.
    public func withTransaction<T: Sendable>(
        isolation: PGIsolation = .readCommitted, readOnly: Bool = false, maxAttempts: Int = 5,
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try connection.transaction(isolation: isolation, readOnly: readOnly, maxAttempts: maxAttempts, body)
        }
    }
}

extension PGConnection {
    /// The synchronous form of `PGPool.withTransaction`, for code already on a pool thread.
    public func transaction<T>(
        isolation: PGIsolation = .readCommitted, readOnly: Bool = false, maxAttempts: Int = 5,
        _ body: (PGConnection) throws -> T
    ) throws -> T {
        var attempt = 1
        while true {
            try simpleQuery("BEGIN ISOLATION LEVEL \(isolation.rawValue)\(readOnly ? " READ ONLY" : "")")
            do {
                let value = try body(self)
                try simpleQuery("COMMIT")
                return value
            } catch let error as PGError where error.isTransient && attempt < maxAttempts {
                rollbackQuietly()
                // Back off a little, growing with each attempt, so competing transactions interleave.
                usleep(UInt32(1000 * attempt * attempt + Int.random(in: 0..<1000)))
                attempt += 1
            } catch {
                rollbackQuietly()
                throw error
            }
        }
    }

    private func rollbackQuietly() {
        if inTransaction { _ = try? simpleQuery("ROLLBACK") }
    }
}
