import Foundation

/// A second, private PostgreSQL cluster for tests that restart or stop a server, so they never disturb the
/// shared test cluster other suites are using. Driven through `scripts/pg-cluster.sh`.
public struct PrivateCluster: Sendable {
    public let directory: String
    public let socketDirectory: String
    public let port: String

    /// Starts a new cluster under `.data/`.
    public static func start(name: String) throws -> PrivateCluster {
        let dir = TestDatabase.repositoryRoot + "/.data/tmp/\(name)-\(UUID().uuidString.prefix(6).lowercased())"
        let out = try run(["start", dir, "--fast"])
        // The script prints: export PGHOST=… PGPORT=… PGUSER=… PGDATABASE=…
        var host = ""
        var port = "5432"
        for word in out.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if word.hasPrefix("PGHOST=") { host = String(word.dropFirst(7)) }
            if word.hasPrefix("PGPORT=") { port = String(word.dropFirst(7)) }
        }
        return PrivateCluster(directory: dir, socketDirectory: host, port: port)
    }

    public func restart() throws { _ = try Self.run(["restart", directory]) }
    public func stop() throws { _ = try Self.run(["stop", directory]) }
    /// Starts the cluster again after `stop()`.
    public func startAgain() throws { _ = try Self.run(["start", directory, "--fast"]) }
    public func destroy() { _ = try? Self.run(["destroy", directory]) }

    /// A URI for the cluster's `kczy` database.
    public var uri: String {
        "postgresql:///kczy?host=\(socketDirectory)&port=\(port)&user=postgres"
    }

    @discardableResult
    static func run(_ args: [String]) throws -> String {
        let env = ProcessInfo.processInfo.environment.merging(["KCZY_PGDATABASE": "kczy"]) { $1 }
        let outcome = try Shell.run(
            "/bin/bash", [TestDatabase.repositoryRoot + "/scripts/pg-cluster.sh"] + args, environment: env)
        guard outcome.status == 0 else {
            throw TestSetupError("pg-cluster.sh \(args.joined(separator: " ")) exited \(outcome.status)")
        }
        return outcome.output
    }
}
