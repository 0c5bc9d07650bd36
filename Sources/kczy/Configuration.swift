import ArgumentParser
import Foundation
import LibPQ
import Logging
import NIOCore
import Synchronization
import Web

/// kczy's one configuration type: command-line flag, then environment variable, then default.
///
/// | setting | flag | environment | type | default |
/// |---|---|---|---|---|
/// | listen host | `--host` | `KCZY_HOST` | string | `127.0.0.1` |
/// | listen port | `--port` | `KCZY_PORT` | int | `8080` |
/// | database | (none: a secret) | `KCZY_DATABASE_URL`, else `DATABASE_URL`, else libpq's `PG*` | URI/conninfo | libpq defaults |
/// | pool size | `--pool-size` | `KCZY_POOL_SIZE` | int | `10` |
/// | acquire timeout | `--acquire-timeout-ms` | `KCZY_ACQUIRE_TIMEOUT_MS` | int ms | `5000` |
/// | connect timeout | `--connect-timeout` | `PGCONNECT_TIMEOUT` | int s | `5` |
/// | migrations folder | `--sql-dir` | `KCZY_SQL_DIR` | path | `sql` |
/// | page templates folder | `--templates-dir` | `KCZY_TEMPLATES_DIR` | path | `templates` |
/// | `Secure` cookies | (none) | `KCZY_COOKIE_SECURE` | `auto`, `true`, `false` | `auto` (when `X-Forwarded-Proto: https`) |
/// | need validity (days an open need stays open) | `--need-validity-days` | `KCZY_NEED_VALIDITY_DAYS` | int, 0 = never | `365` |
/// | run match batches in this process | `--no-batch-worker` | `KCZY_BATCH_WORKER` (`true`/`false`) | `true` |
/// | log level | `--log-level` | `KCZY_LOG_LEVEL` | trace…critical | `info` |
/// | bearer token required by `/metrics` (a secret) | (none) | `KCZY_METRICS_TOKEN` | string | unset: open |
/// | seconds a program-wide report is kept | `--report-cache-seconds` | `KCZY_REPORT_CACHE_SECONDS` | int, 0 = off | `30` |
///
/// Secrets (database password, URI with password) are read only from the environment (`PGPASSWORD`,
/// `KCZY_DATABASE_URL`, `~/.pgpass`), never from flags, so they do not show in `ps`.
struct CommonOptions: ParsableArguments {
    @Option(help: "Listen address. Env KCZY_HOST. Default 127.0.0.1.")
    var host: String?

    @Option(help: "Listen port. Env KCZY_PORT. Default 8080.")
    var port: Int?

    @Option(help: "Maximum database connections. Env KCZY_POOL_SIZE. Default 10.")
    var poolSize: Int?

    @Option(help: "Milliseconds to wait for a free database connection. Env KCZY_ACQUIRE_TIMEOUT_MS. Default 5000.")
    var acquireTimeoutMs: Int?

    @Option(help: "Seconds to wait when connecting. Env PGCONNECT_TIMEOUT. Default 5.")
    var connectTimeout: Int?

    @Option(help: "Folder of numbered SQL migrations. Env KCZY_SQL_DIR. Default ./sql.")
    var sqlDir: String?

    @Option(help: "Folder of page templates (*.mustache). Env KCZY_TEMPLATES_DIR. Default ./templates.")
    var templatesDir: String?

    @Option(
        help: "Days an open need stays open before it expires (0: never). Env KCZY_NEED_VALIDITY_DAYS. Default 365.")
    var needValidityDays: Int?

    @Flag(
        name: .customLong("no-batch-worker"),
        help: "Do not run match batches in this process. Env KCZY_BATCH_WORKER=false.")
    var noBatchWorker = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical. Env KCZY_LOG_LEVEL. Default info.")
    var logLevel: String?

    @Option(help: "Log format: text or json (one object per line). Env KCZY_LOG_FORMAT. Default text.")
    var logFormat: String?

    @Option(
        help:
            "Seconds a program-wide report is kept; writes through this process drop it (0: off). Env KCZY_REPORT_CACHE_SECONDS. Default 30."
    )
    var reportCacheSeconds: Int?

    func resolve(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        func int(_ flag: Int?, _ key: String, _ fallback: Int, range: ClosedRange<Int>) throws -> Int {
            if let flag {
                guard range.contains(flag) else { throw ValidationError("\(key): \(flag) is outside \(range)") }
                return flag
            }
            guard let raw = env[key] else { return fallback }
            guard let v = Int(raw), range.contains(v) else {
                throw ValidationError("\(key)=\(raw) is not a whole number in \(range)")
            }
            return v
        }
        let levelText = logLevel ?? env["KCZY_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelText) else {
            throw ValidationError(
                "log level \(levelText) is not one of trace, debug, info, notice, warning, error, critical")
        }
        let format = (logFormat ?? env["KCZY_LOG_FORMAT"] ?? "text").lowercased()
        guard format == "text" || format == "json" else {
            throw ValidationError("log format \(format) is not text or json")
        }
        return AppConfiguration(
            host: host ?? env["KCZY_HOST"] ?? "127.0.0.1",
            port: try int(port, "KCZY_PORT", 8080, range: 0...65535),
            databaseURL: env["KCZY_DATABASE_URL"] ?? env["DATABASE_URL"],
            poolSize: try int(poolSize, "KCZY_POOL_SIZE", 10, range: 1...500),
            acquireTimeoutMs: try int(acquireTimeoutMs, "KCZY_ACQUIRE_TIMEOUT_MS", 5000, range: 1...600_000),
            connectTimeout: try int(connectTimeout, "PGCONNECT_TIMEOUT", 5, range: 1...600),
            sqlDirectory: sqlDir ?? env["KCZY_SQL_DIR"] ?? "sql",
            batchWorker: !noBatchWorker
                && !["false", "0", "no"].contains((env["KCZY_BATCH_WORKER"] ?? "").lowercased()),
            needValidityDays: try int(needValidityDays, "KCZY_NEED_VALIDITY_DAYS", 365, range: 0...3650),
            templatesDirectory: templatesDir ?? env["KCZY_TEMPLATES_DIR"] ?? "templates",
            secureCookies: try Self.secureCookies(env["KCZY_COOKIE_SECURE"]),
            logLevel: level, jsonLogs: format == "json",
            rateLimit: try Self.rateLimit(env),
            reportCacheSeconds: try int(reportCacheSeconds, "KCZY_REPORT_CACHE_SECONDS", 30, range: 0...3600),
            metricsToken: env["KCZY_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
            environment: env)
    }
}

extension CommonOptions {
    /// `KCZY_RATE_LIMIT` requests per second per client address (default 100, burst twice that; 0 turns it off);
    /// `KCZY_TRUST_FORWARDED_FOR=true` behind a proxy that sets `X-Forwarded-For`.
    static func rateLimit(_ env: [String: String]) throws -> RateLimit? {
        let text = env["KCZY_RATE_LIMIT"] ?? "100"
        guard let perSecond = Double(text), perSecond >= 0, perSecond.isFinite else {
            throw ValidationError("KCZY_RATE_LIMIT=\(text) is not a number of requests per second (0 turns it off)")
        }
        let trust = ["true", "1", "yes"].contains((env["KCZY_TRUST_FORWARDED_FOR"] ?? "").lowercased())
        return perSecond == 0 ? nil : RateLimit(perSecond: perSecond, trustForwardedFor: trust)
    }

    static func secureCookies(_ text: String?) throws -> Bool? {
        switch text?.lowercased() {
        case nil, "", "auto": return nil
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        case let other?: throw ValidationError("KCZY_COOKIE_SECURE=\(other) is not one of auto, true, false")
        }
    }
}

/// Resolved settings; see `CommonOptions` for every key.
struct AppConfiguration: Sendable {
    var host: String
    var port: Int
    var databaseURL: String?
    var poolSize: Int
    var acquireTimeoutMs: Int
    var connectTimeout: Int
    var sqlDirectory: String
    var batchWorker: Bool
    var needValidityDays: Int
    var templatesDirectory: String
    /// nil: decide per request (`X-Forwarded-Proto: https`).
    var secureCookies: Bool?
    var logLevel: Logger.Level
    var jsonLogs = false
    var rateLimit: RateLimit?
    var reportCacheSeconds = 30
    /// `KCZY_METRICS_TOKEN` (a secret: environment only): when set, `/metrics` needs it as a bearer token.
    var metricsToken: String?
    var environment: [String: String]

    /// Run on every pooled connection. JIT compilation pays off for long analytical queries, not for a web service's:
    /// on the program-scale reports it spent 2.7–4.6 s compiling correlated subplans of queries that run in
    /// ~200 ms without it (BENCHMARKS.md, "Reports at program scale").
    static let sessionSetup = "SET jit TO off"

    var poolConfiguration: PGPool.Configuration {
        PGPool.Configuration(
            settings: PGConnectionSettings(
                connectionString: databaseURL, connectTimeoutSeconds: connectTimeout, environment: environment),
            maxConnections: poolSize,
            acquireTimeout: .milliseconds(Int64(acquireTimeoutMs)),
            sessionSetup: Self.sessionSetup)
    }

    func logger(_ label: String) -> Logger {
        if jsonLogs { LogBootstrap.json() }
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}

/// Help text shared by commands that talk to the database.
let databaseHelp = """
    The database is chosen by libpq: KCZY_DATABASE_URL (or DATABASE_URL) may hold a postgresql:// URI \
    (multi-host with target_session_attrs=read-write works) or a key=value conninfo; anything it does not \
    set comes from the standard PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSERVICE, PGSSLMODE… \
    variables. Secrets are read only from the environment.
    """

/// Switches the process to JSON log lines, once (swift-log allows one bootstrap per process).
enum LogBootstrap {
    static let done = Mutex(false)

    static func json() {
        done.withLock { done in
            guard !done else { return }
            LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
            done = true
        }
    }
}
