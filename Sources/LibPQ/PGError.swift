/// An error from PostgreSQL, libpq, the pool or value decoding.
///
/// `description` is safe to log or show: it names the kind and SQLSTATE but never the server's message,
/// which can echo user data. `debugDescription` has everything.
public struct PGError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, at the level callers branch on.
    public enum Kind: String, Sendable {
        /// Could not connect, or the connection broke.
        case connection
        /// The server rejected a statement (see `sqlState`).
        case server
        /// A value could not be decoded into the requested Swift type.
        case decoding
        /// No pooled connection became free within the acquire timeout.
        case acquireTimeout
        /// The pool was shut down.
        case poolClosed
        /// Misuse of the API, such as a COPY that was not started.
        case usage
    }

    public var kind: Kind
    /// Five-character SQLSTATE code, when the server sent one.
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?

    public init(
        _ kind: Kind, message: String, sqlState: String? = nil, detail: String? = nil, hint: String? = nil,
        constraint: String? = nil, table: String? = nil, column: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    public var description: String {
        switch kind {
        case .server: "PGError.server(sqlState: \(sqlState ?? "?"))"
        case .decoding: "PGError.decoding"
        default: "PGError.\(kind.rawValue)"
        }
    }

    public var debugDescription: String {
        var parts = ["PGError.\(kind.rawValue)"]
        if let sqlState { parts.append("sqlState=\(sqlState)") }
        parts.append("message=\(message)")
        if let detail { parts.append("detail=\(detail)") }
        if let hint { parts.append("hint=\(hint)") }
        if let constraint { parts.append("constraint=\(constraint)") }
        if let table { parts.append("table=\(table)") }
        if let column { parts.append("column=\(column)") }
        return parts.joined(separator: " ")
    }
}

extension PGError {
    /// Well-known SQLSTATE codes the service reacts to.
    public enum State {
        public static let uniqueViolation = "23505"
        public static let foreignKeyViolation = "23503"
        public static let checkViolation = "23514"
        public static let notNullViolation = "23502"
        public static let exclusionViolation = "23P01"
        public static let serializationFailure = "40001"
        public static let deadlockDetected = "40P01"
        public static let queryCanceled = "57014"
        public static let adminShutdown = "57P01"
        public static let readOnlyTransaction = "25006"
    }

    /// True for errors that a transaction retry can cure (serialization failure, deadlock).
    public var isTransient: Bool {
        sqlState == State.serializationFailure || sqlState == State.deadlockDetected
    }

    /// True when the connection itself is unusable and should be replaced.
    public var isConnectionLoss: Bool {
        kind == .connection || sqlState?.hasPrefix("08") == true || sqlState == State.adminShutdown
    }
}
