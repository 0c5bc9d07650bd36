import LibPQ
import Logging

/// Applies numbered SQL files, each in its own transaction, recorded with a SHA-256 checksum.
///
/// A session advisory lock serialises concurrent migrators (several instances starting at once), and the
/// applied list is re-read after the lock is held, so every file is applied exactly once.
public struct Migrator: Sendable {
    public let migrations: [Migration]
    let logger: Logger
    // Arbitrary constant identifying kczy's migration lock among advisory locks.
    static let lockKey = 0x6B637A79_0001

    public init(migrations: [Migration], logger: Logger = Logger(label: "kczy.migrate")) {
        self.migrations = migrations
        self.logger = logger
    }

    public init(directory: String, logger: Logger = Logger(label: "kczy.migrate")) throws {
        self.init(migrations: try Migration.load(directory: directory), logger: logger)
    }

    /// What the database has applied compared with the files.
    public struct Status: Sendable, Equatable {
        public var applied: [Int]
        public var pending: [String]
        /// Applied migrations newer than every file here (`version_name`): a newer release migrated the database.
        public var newer: [String] = []
    }

    /// Applies pending migrations; returns the file names applied by this call.
    @discardableResult
    public func migrate(_ pool: PGPool) async throws -> [String] {
        let migrations = self.migrations
        let logger = self.logger
        return try await pool.withConnection { c in
            try c.query("SELECT pg_advisory_lock(\(Self.lockKey))")
            defer { _ = try? c.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }
            try Self.ensureTable(c)
            let applied = try Self.verify(c, migrations).applied
            var done: [String] = []
            for m in migrations where !applied.contains(m.version) {
                try c.transaction { tx in
                    try tx.simpleQuery(m.sql)
                    try tx.query(
                        """
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(m.version), \(m.name), \(m.checksum))
                        """)
                }
                logger.info("applied migration", metadata: ["file": "\(m.fileName)"])
                done.append(m.fileName)
            }
            return done
        }
    }

    /// Reads the state without changing anything; throws if applied files changed or are unknown. With
    /// `allowNewer`, migrations applied after all of these files are listed in `newer` instead of refused.
    public func status(_ pool: PGPool, allowNewer: Bool = false) async throws -> Status {
        let migrations = self.migrations
        return try await pool.withConnection { c in
            let exists = try c.query("SELECT to_regclass('schema_migrations') IS NOT NULL").scalar(Bool.self)
            let (applied, newer) = exists ? try Self.verify(c, migrations, allowNewer: allowNewer) : ([], [])
            return Status(
                applied: applied.sorted(), pending: migrations.filter { !applied.contains($0.version) }.map(\.fileName),
                newer: newer)
        }
    }

    /// Throws `MigrationError.pending` unless every file is applied. With `allowNewer` the database may also be
    /// ahead, by migrations after all of these files: during a rolling upgrade the new release migrates first and
    /// the old instances keep serving (migrations are written to be compatible with the previous release).
    @discardableResult
    public func requireCurrent(_ pool: PGPool, allowNewer: Bool = false) async throws -> Status {
        let s = try await status(pool, allowNewer: allowNewer)
        if !s.pending.isEmpty { throw MigrationError.pending(s.pending) }
        return s
    }

    static func ensureTable(_ c: PGConnection) throws {
        try c.simpleQuery(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
    }

    /// Checks applied rows against the files: same checksums, and the applied set is a prefix of the files.
    /// With `allowNewer`, rows after the last file are returned as `newer` instead of refused.
    static func verify(_ c: PGConnection, _ migrations: [Migration], allowNewer: Bool = false)
        throws -> (applied: Set<Int>, newer: [String])
    {
        let rows = try c.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
        let last = migrations.map(\.version).max() ?? 0
        var applied = Set<Int>()
        var newer: [String] = []
        for row in rows {
            let version = try row.decode(0, as: Int.self)
            let name = try row.decode(1, as: String.self)
            let checksum = try row.decode(2, as: String.self)
            guard let m = migrations.first(where: { $0.version == version }) else {
                if allowNewer, version > last {
                    newer.append(String(format: "%04d", version) + "_" + name)
                    continue
                }
                throw MigrationError.unknownApplied(version: version, name: name)
            }
            if m.checksum != checksum { throw MigrationError.checksumMismatch(file: m.fileName) }
            applied.insert(version)
        }
        if let missing = migrations.first(where: { $0.version <= applied.count && !applied.contains($0.version) }) {
            throw MigrationError.notPrefix(missing: missing.fileName)
        }
        return (applied, newer)
    }
}
