import CLibPQ
import Foundation
import Glibc

/// One libpq connection. Every call blocks, so use it only on a thread-pool thread (the pool does this).
///
/// Not thread-safe: the pool hands a connection to one caller at a time.
public final class PGConnection: @unchecked Sendable {
    let handle: OpaquePointer
    private var statements: [StatementKey: String] = [:]

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    /// Opens a connection and sets the session options the value codecs rely on.
    public static func connect(_ settings: PGConnectionSettings) throws -> PGConnection {
        let keys = settings.parameters.map { strdup($0.key) }
        let values = settings.parameters.map { strdup($0.value) }
        defer {
            keys.forEach { free($0) }
            values.forEach { free($0) }
        }
        var keyPtrs: [UnsafePointer<CChar>?] = keys.map { UnsafePointer($0) } + [nil]
        var valuePtrs: [UnsafePointer<CChar>?] = values.map { UnsafePointer($0) } + [nil]
        guard let handle = PQconnectdbParams(&keyPtrs, &valuePtrs, 1) else {
            throw PGError(.connection, message: "libpq could not allocate a connection")
        }
        let connection = PGConnection(handle: handle)
        // libpq prints notices (and the FATAL sent at server shutdown) to stderr by default; errors already
        // reach callers as PGError, so notices are dropped rather than interleaved with the service's logs.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        guard PQstatus(handle) == CONNECTION_OK else {
            throw PGError(.connection, message: connection.lastErrorMessage)
        }
        // Fixed formats for the text codecs, whatever the server's defaults are.
        _ = try connection.simpleQuery("SET DateStyle TO ISO; SET TimeZone TO 'UTC'; SET extra_float_digits TO 3")
        return connection
    }

    var lastErrorMessage: String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: [" ", "\n"])
    }

    /// True while the connection is usable and outside any transaction.
    ///
    /// kczy never LISTENs, so an idle connection should receive nothing: readable bytes mean the server sent
    /// a FATAL (shutdown, terminated backend) or closed the socket. Checking costs one `poll`, no round trip.
    public var isHealthy: Bool {
        guard PQstatus(handle) == CONNECTION_OK, PQtransactionStatus(handle) == PQTRANS_IDLE else { return false }
        var fd = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        return poll(&fd, 1, 0) == 0
    }

    /// True when a transaction block is open (or failed) on this connection.
    public var inTransaction: Bool {
        let s = PQtransactionStatus(handle)
        return s == PQTRANS_INTRANS || s == PQTRANS_INERROR
    }

    public var serverVersion: Int { Int(PQserverVersion(handle)) }
    public var backendPID: Int { Int(PQbackendPID(handle)) }

    /// Runs one parameterized statement (extended protocol, text format).
    @discardableResult
    public func query(_ query: PGQuery) throws -> PGResult {
        guard let name = preparedName(query) else { return try checkedResult(execParams(query)) }
        do {
            return try checkedResult(execPrepared(name, query))
        } catch let error as PGError where error.sqlState == "0A000" || error.sqlState == "26000" {
            // "cached plan must not change result type" after DDL, or the statement vanished (DISCARD ALL):
            // forget it and run the statement unprepared once.
            statements.removeValue(forKey: StatementKey(query))
            if error.sqlState == "0A000" { _ = try? simpleQuery("DEALLOCATE \(name)") }
            return try checkedResult(execParams(query))
        }
    }

    private func withParams<T>(
        _ query: PGQuery, _ body: (UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?) -> T
    ) -> T {
        let binds = query.binds
        let texts: [UnsafeMutablePointer<CChar>?] = binds.map { $0.text.map { strdup($0) } ?? nil }
        defer { texts.forEach { free($0) } }
        let types: [Oid] = binds.map { Oid($0.typeOID) }
        let values: [UnsafePointer<CChar>?] = texts.map { $0.map { UnsafePointer($0) } }
        return types.withUnsafeBufferPointer { t in
            values.withUnsafeBufferPointer { v in body(t.baseAddress, v.baseAddress) }
        }
    }

    private func execParams(_ query: PGQuery) -> OpaquePointer? {
        withParams(query) { t, v in PQexecParams(handle, query.sql, Int32(query.binds.count), t, v, nil, nil, 0) }
    }

    private func execPrepared(_ name: String, _ query: PGQuery) -> OpaquePointer? {
        withParams(query) { _, v in PQexecPrepared(handle, name, Int32(query.binds.count), v, nil, nil, 0) }
    }

    /// The name of this statement's server-side prepared statement, preparing it on first use.
    ///
    /// Statements are cached per connection by SQL text and parameter types, so the server parses and plans a
    /// repeated statement once (PostgreSQL still re-plans after DDL or when a generic plan does not pay off).
    /// Past `maxPreparedStatements` distinct statements, new ones simply run unprepared.
    private func preparedName(_ query: PGQuery) -> String? {
        let key = StatementKey(query)
        if let name = statements[key] { return name }
        guard statements.count < Self.maxPreparedStatements else { return nil }
        let name = "kczy_s\(statements.count + 1)"
        let types: [Oid] = query.binds.map { Oid($0.typeOID) }
        let result = types.withUnsafeBufferPointer {
            PQprepare(handle, name, query.sql, Int32(types.count), $0.baseAddress)
        }
        // A statement that fails to prepare (a syntax error, say) runs unprepared and reports its own error.
        guard (try? check(result)) != nil else { return nil }
        statements[key] = name
        return name
    }

    static let maxPreparedStatements = 512

    /// Runs a statement and returns the number of affected rows.
    @discardableResult
    public func execute(_ query: PGQuery) throws -> Int {
        try self.query(query).affectedRows
    }

    /// Runs trusted SQL text with the simple protocol: several statements, no binds (migrations, SET).
    @discardableResult
    public func simpleQuery(_ sql: String) throws -> PGResult {
        try checkedResult(PQexec(handle, sql))
    }

    func checkedResult(_ result: OpaquePointer?) throws -> PGResult {
        // Without allowCopyIn, check() returns a result for every success status.
        try check(result)!
    }

    /// The one funnel through which every result status passes; it frees failed results.
    @discardableResult
    func check(_ result: OpaquePointer?, allowCopyIn: Bool = false) throws -> PGResult? {
        guard let result else {
            throw PGError(.connection, message: lastErrorMessage)
        }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return PGResult(handle: result)
        case PGRES_COPY_IN where allowCopyIn:
            PQclear(result)
            return nil
        default:
            let error = makeError(result)
            PQclear(result)
            throw error
        }
    }

    private func makeError(_ result: OpaquePointer) -> PGError {
        func field(_ code: Character) -> String? {
            guard let p = PQresultErrorField(result, Int32(code.asciiValue!)) else { return nil }
            return String(cString: p)
        }
        let sqlState = field("C")
        let lost = PQstatus(handle) != CONNECTION_OK
        let message = field("M") ?? lastErrorMessage
        return PGError(
            lost && sqlState == nil ? .connection : .server, message: message, sqlState: sqlState,
            detail: field("D"), hint: field("H"), constraint: field("n"), table: field("t"), column: field("c"))
    }
}

/// Identifies a prepared statement: the same text with different parameter types is a different statement.
struct StatementKey: Hashable {
    let sql: String
    let types: [UInt32]

    init(_ query: PGQuery) {
        sql = query.sql
        types = query.binds.map(\.typeOID)
    }
}
