/// libpq connection parameters, passed as keyword/value arrays and never spliced into a conninfo string.
///
/// Anything not set here is left to libpq, so the standard `PG*` environment variables, service files
/// (`PGSERVICE`) and multi-host URIs (`postgresql://h1,h2/db?target_session_attrs=read-write`) work unchanged.
public struct PGConnectionSettings: Sendable, Equatable {
    /// Ordered keyword/value pairs; later pairs override earlier ones.
    public var parameters: [(key: String, value: String)]

    public static func == (a: Self, b: Self) -> Bool {
        a.parameters.map(\.key) == b.parameters.map(\.key) && a.parameters.map(\.value) == b.parameters.map(\.value)
    }

    /// Settings from an optional connection string (URI or `key=value` conninfo) plus explicit keywords.
    ///
    /// - Parameters:
    ///   - connectionString: a `postgresql://…` URI or conninfo; nil leaves everything to the environment.
    ///   - applicationName: reported in `pg_stat_activity` unless the URI or `PGAPPNAME` sets one.
    ///   - connectTimeoutSeconds: used only when neither the URI nor `PGCONNECT_TIMEOUT` sets one.
    ///   - extra: further keywords (host, port, dbname, user, …) that override the connection string.
    public init(
        connectionString: String? = nil, applicationName: String = "kczy", connectTimeoutSeconds: Int? = 5,
        extra: [(String, String)] = [], environment: [String: String] = [:]
    ) {
        var p: [(key: String, value: String)] = [("fallback_application_name", applicationName)]
        if let connectTimeoutSeconds, environment["PGCONNECT_TIMEOUT"] == nil {
            p.append(("connect_timeout", String(connectTimeoutSeconds)))
        }
        // TCP keepalives and a user timeout, so a server that vanishes without closing the connection (a failed-over
        // primary whose host is gone) breaks the connection in about a minute instead of the kernel's two hours.
        // Before the connection string, so a URI or conninfo can set its own; Unix sockets ignore them.
        p.append(contentsOf: Self.tcpDefaults)
        if let connectionString, !connectionString.isEmpty {
            // With expand_dbname, a URI or conninfo in "dbname" is expanded in place and overrides earlier keys.
            p.append(("dbname", connectionString))
        }
        p.append(contentsOf: extra.map { (key: $0.0, value: $0.1) })
        p.append(("client_encoding", "UTF8"))
        self.parameters = p
    }

    static let tcpDefaults: [(key: String, value: String)] = [
        ("keepalives", "1"), ("keepalives_idle", "30"), ("keepalives_interval", "10"), ("keepalives_count", "3"),
        ("tcp_user_timeout", "60000"),
    ]

    /// A copy with one keyword set (replacing an earlier value).
    public func with(_ key: String, _ value: String) -> PGConnectionSettings {
        var copy = self
        copy.parameters.removeAll { $0.key == key && key != "dbname" }
        copy.parameters.append((key, value))
        return copy
    }
}
