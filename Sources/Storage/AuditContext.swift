import LibPQ

/// Who is acting, recorded by the audit trigger for every write in the current transaction.
public struct AuditContext: Sendable, Equatable {
    public var actorID: Int?
    public var requestID: String?

    public init(actorID: Int?, requestID: String? = nil) {
        self.actorID = actorID
        self.requestID = requestID
    }

    /// The system itself (migrations, demo data, background jobs).
    public static let system = AuditContext(actorID: nil, requestID: nil)
}

extension PGConnection {
    /// Sets the transaction-local settings the `audit_row()` trigger reads. Call inside a transaction.
    public func setAudit(_ context: AuditContext) throws {
        try query(
            """
            SELECT set_config('kczy.actor_id', \(context.actorID.map(String.init) ?? ""), true),
                   set_config('kczy.request_id', \(context.requestID ?? ""), true)
            """)
    }
}
