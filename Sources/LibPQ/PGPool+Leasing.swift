import CLibPQ
import Foundation
import NIOCore

extension PGPool {
    /// Waits for an idle connection or for the right to open a new one.
    func acquire() async throws -> Lease {
        enum Immediate {
            case lease(Lease)
            case wait
        }
        let immediate: Immediate = try state.withLockedValue { s in
            if s.closed { throw PGError(.poolClosed, message: "the connection pool is shut down") }
            if let c = s.idle.popLast() { return .lease(.connection(c)) }
            if s.open < configuration.maxConnections {
                s.open += 1
                return .lease(.create)
            }
            return .wait
        }
        if case .lease(let lease) = immediate { return lease }

        let id = state.withLockedValue { s -> Int in
            s.nextWaiterID += 1
            return s.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Lease, any Error>) in
                let timeout = configuration.acquireTimeout
                let timer = timerLoop.scheduleTask(in: timeout) {
                    self.failWaiter(
                        id,
                        PGError(
                            .acquireTimeout,
                            message: "no database connection became free within \(timeout.nanoseconds / 1_000_000) ms"
                        ))
                }
                let enqueued = state.withLockedValue { s -> Bool in
                    if s.closed { return false }
                    s.waiters.append(Waiter(id: id, continuation: continuation, timer: timer))
                    return true
                }
                if !enqueued {
                    timer.cancel()
                    continuation.resume(throwing: PGError(.poolClosed, message: "the connection pool is shut down"))
                }
            }
        } onCancel: {
            self.failWaiter(id, CancellationError())
        }
    }

    /// Removes a waiter (timeout or cancellation) and fails it, unless it was already served.
    func failWaiter(_ id: Int, _ error: any Error) {
        let waiter = state.withLockedValue { s -> Waiter? in
            guard let i = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return s.waiters.remove(at: i)
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(throwing: error)
    }

    /// Turns a lease into a live connection on the current (pool) thread, replacing a dead one.
    func open(_ lease: Lease, deadline: NIODeadline) throws -> PGConnection {
        if case .connection(let c) = lease {
            if c.isHealthy { return c }
            state.withLockedValue { $0.replaced += 1 }
            logger.info("replacing a broken database connection")
        }
        var delayMs = 25
        while true {
            do {
                let c = try PGConnection.connect(configuration.settings)
                if let setup = configuration.sessionSetup { _ = try c.simpleQuery(setup) }
                state.withLockedValue { $0.created += 1 }
                return c
            } catch let error as PGError where error.kind == .connection {
                // The server may be restarting or failing over: retry until the acquire deadline.
                if NIODeadline.now() + .milliseconds(Int64(delayMs)) >= deadline { throw error }
                usleep(UInt32(delayMs * 1000))
                delayMs = min(delayMs * 2, 500)
            }
        }
    }

    /// Returns a connection (nil when opening failed), handing it straight to the oldest waiter if any.
    func release(_ connection: PGConnection?) {
        let reusable = connection.map { PQstatus($0.handle) == CONNECTION_OK && !$0.inTransaction } ?? false
        let handoff = state.withLockedValue { s -> (Waiter, Lease)? in
            if s.closed {
                s.open -= 1
                return nil
            }
            if !s.waiters.isEmpty {
                let w = s.waiters.removeFirst()
                return (w, reusable ? .connection(connection!) : .create)
            }
            if reusable {
                s.idle.append(connection!)
            } else {
                s.open -= 1
            }
            return nil
        }
        if let (waiter, lease) = handoff {
            waiter.timer?.cancel()
            waiter.continuation.resume(returning: lease)
        }
    }

    /// Closes idle connections, fails waiters, and stops the pool threads. In-flight work finishes first.
    public func close() async {
        let (idle, waiters) = state.withLockedValue { s -> ([PGConnection], [Waiter]) in
            s.closed = true
            let out = (s.idle, s.waiters)
            s.open -= s.idle.count
            s.idle = []
            s.waiters = []
            return out
        }
        for w in waiters {
            w.timer?.cancel()
            w.continuation.resume(throwing: PGError(.poolClosed, message: "the connection pool is shut down"))
        }
        _ = idle  // PQfinish runs as the last references go.
        try? await threadPool.shutdownGracefully()
    }
}
