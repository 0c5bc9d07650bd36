import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle

/// A bounded pool of libpq connections whose blocking calls run on a dedicated `NIOThreadPool`.
///
/// Callers on Swift's cooperative pool only ever await; libpq runs on the pool's own threads. A connection
/// that broke (server restart, killed backend) is noticed when it is next handed out and replaced, so the
/// next query after the server comes back succeeds without restarting the service.
public final class PGPool: Sendable {
    /// Pool sizing and timeouts.
    public struct Configuration: Sendable {
        public var settings: PGConnectionSettings
        /// Upper bound on open connections (and on pool threads).
        public var maxConnections: Int
        /// How long `acquire` waits for a free connection, including reconnect attempts.
        public var acquireTimeout: TimeAmount
        /// SQL run once on every new connection (session settings such as `SET jit TO off`), or nil.
        public var sessionSetup: String?

        public init(
            settings: PGConnectionSettings, maxConnections: Int = 10, acquireTimeout: TimeAmount = .seconds(5),
            sessionSetup: String? = nil
        ) {
            self.settings = settings
            self.maxConnections = max(1, maxConnections)
            self.acquireTimeout = acquireTimeout
            self.sessionSetup = sessionSetup
        }
    }

    /// Counters for metrics and tests.
    public struct Statistics: Sendable, Equatable {
        public var open: Int
        public var idle: Int
        public var inUse: Int
        public var waiting: Int
        public var created: Int
        public var replaced: Int
    }

    enum Lease {
        case connection(PGConnection)
        case create
    }

    struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Lease, any Error>
        var timer: Scheduled<Void>?
    }

    struct State {
        var idle: [PGConnection] = []
        var open = 0
        var waiters: [Waiter] = []
        var nextWaiterID = 0
        var closed = false
        var created = 0
        var replaced = 0
    }

    public let configuration: Configuration
    let state = NIOLockedValueBox(State())
    let threadPool: NIOThreadPool
    let timerLoop: any EventLoop
    let logger: Logger

    public init(
        _ configuration: Configuration, logger: Logger = Logger(label: "kczy.db"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.logger = logger
        self.timerLoop = eventLoopGroup.any()
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.maxConnections)
        threadPool.start()
    }

    public var statistics: Statistics {
        state.withLockedValue { s in
            Statistics(
                open: s.open, idle: s.idle.count, inUse: s.open - s.idle.count, waiting: s.waiters.count,
                created: s.created, replaced: s.replaced)
        }
    }

    /// Runs `body` with a connection on a pool thread and returns the connection afterwards.
    ///
    /// The closure is synchronous on purpose: it holds a libpq connection and a pool thread while it runs.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PGConnection) throws -> T) async throws -> T {
        let deadline = NIODeadline.now() + configuration.acquireTimeout
        let lease = try await acquire()
        let box = NIOLockedValueBox<PGConnection?>(nil)
        do {
            let result = try await threadPool.runIfActive { () throws -> T in
                let connection = try self.open(lease, deadline: deadline)
                box.withLockedValue { $0 = connection }
                return try body(connection)
            }
            release(box.withLockedValue { $0 })
            return result
        } catch {
            release(box.withLockedValue { $0 })
            throw error
        }
    }

    /// Runs one statement.
    public func query(_ query: PGQuery) async throws -> PGResult {
        try await withConnection { try $0.query(query) }
    }

    /// Runs one statement and returns the affected row count.
    @discardableResult
    public func execute(_ query: PGQuery) async throws -> Int {
        try await withConnection { try $0.execute(query) }
    }

    /// Succeeds when a connection can be had and answers `SELECT 1`.
    public func healthCheck() async throws {
        _ = try await withConnection { try $0.query("SELECT 1").scalar(Int.self) }
    }
}
