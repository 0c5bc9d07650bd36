import Foundation
import LibPQ
import Logging
import ServiceLifecycle
import Storage

/// The background worker of one `kczy serve` process: claims runnable batches and runs them, one at a time.
/// Several processes may share a database; each batch runs in exactly one of them, and a batch whose process died
/// (its heartbeat stopped for `staleAfterSeconds`) is picked up again by another.
public struct BatchWorker: Service {
    let pool: PGPool
    let logger: Logger
    let owner: String
    var pollInterval: Duration
    var staleAfterSeconds: Int
    var heartbeatInterval: Duration

    public init(
        pool: PGPool, logger: Logger, owner: String? = nil, pollInterval: Duration = .seconds(2),
        staleAfterSeconds: Int = 60, heartbeatInterval: Duration = .seconds(5)
    ) {
        self.pool = pool
        self.logger = logger
        self.owner = owner ?? "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID().uuidString.prefix(8))"
        self.pollInterval = pollInterval
        self.staleAfterSeconds = staleAfterSeconds
        self.heartbeatInterval = heartbeatInterval
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if try await runOnce() == nil {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) }
            }
        }
    }

    /// Claims and runs one batch if there is one (only batch `only`, when given); returns its id.
    @discardableResult
    public func runOnce(only: Int? = nil) async throws -> Int? {
        let store = BatchStore(pool: pool)
        let claimed: StoredBatch?
        do {
            claimed = try await store.claim(owner: owner, staleAfterSeconds: staleAfterSeconds, only: only)
        } catch {
            logger.warning("batch claim failed; will retry", metadata: ["error": "\(error)"])
            return nil
        }
        guard let batch = claimed else { return nil }
        logger.info("batch claimed", metadata: ["batch": "\(batch.id)", "owner": "\(owner)"])
        await BatchRunner(
            pool: pool, batches: store, owner: owner, logger: logger, heartbeatInterval: heartbeatInterval
        ).run(batch)
        return batch.id
    }
}
