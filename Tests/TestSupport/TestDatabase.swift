import Foundation
import LibPQ
import Storage

/// Creates a fresh database per suite on the cluster `make test` started (found through the PG* variables).
public enum TestDatabase {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var sqlDirectory: String { repositoryRoot + "/sql" }

    public static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Settings for a named database on the test cluster.
    public static func settings(database: String) -> PGConnectionSettings {
        PGConnectionSettings(applicationName: "kczy-tests", extra: [("dbname", database)])
    }

    /// A pool on a brand-new, empty database.
    public static func makeEmpty(
        prefix: String = "t", maxConnections: Int = 4, acquireTimeout: Int64 = 5000
    ) async throws -> (pool: PGPool, name: String) {
        guard environment["PGHOST"] != nil || environment["KCZY_DATABASE_URL"] != nil else {
            throw TestSetupError(
                "no test database: run the tests through `make test`, or export PGHOST/PGPORT/PGUSER for a cluster")
        }
        let name = "kczy_\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = try PGConnection.connect(settings(database: "postgres"))
        try admin.simpleQuery("CREATE DATABASE \(name)")
        let pool = PGPool(
            .init(
                settings: settings(database: name), maxConnections: maxConnections,
                acquireTimeout: .milliseconds(acquireTimeout)))
        return (pool, name)
    }

    /// A pool on a new database with every migration applied.
    public static func makeMigrated(prefix: String = "t", maxConnections: Int = 4) async throws -> PGPool {
        let (pool, _) = try await makeEmpty(prefix: prefix, maxConnections: maxConnections)
        try await Migrator(directory: sqlDirectory).migrate(pool)
        return pool
    }
}

/// The test environment is not set up.
public struct TestSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
