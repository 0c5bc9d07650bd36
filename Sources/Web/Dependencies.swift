import LibPQ
import Logging
import Storage

/// Everything the web layer needs from the outside world, built once by the executable.
public struct WebDependencies: Sendable {
    public var pool: PGPool
    public var migrator: Migrator
    public var logger: Logger
    public var accounts: AccountStore

    public init(pool: PGPool, migrator: Migrator, logger: Logger, accounts: AccountStore? = nil) {
        self.pool = pool
        self.migrator = migrator
        self.logger = logger
        self.accounts = accounts ?? AccountStore(pool: pool)
    }
}
