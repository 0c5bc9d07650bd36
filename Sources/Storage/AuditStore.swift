import Foundation
import LibPQ

/// One audit-log entry: who changed what, when, with the row before and after (as JSON text).
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: Int
    public var at: Date
    public var actorID: Int?
    public var actorName: String?
    public var requestID: String?
    public var action: String
    public var entity: String
    public var entityID: String?
    public var before: JSONValue?
    public var after: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id, at, action, entity, before, after
        case actorID = "actor_id"
        case actorName = "actor_name"
        case requestID = "request_id"
        case entityID = "entity_id"
    }
}

/// Reading the audit log (staff only). The log itself is written by the `audit_row()` trigger.
public struct AuditStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    public struct Filter: Sendable {
        public var entity: String?
        public var entityID: String?
        public var actorID: Int?
        /// Keyset paging: only entries with a smaller id (newest first).
        public var beforeID: Int?
        public var limit: Int

        public init(
            entity: String? = nil, entityID: String? = nil, actorID: Int? = nil, beforeID: Int? = nil, limit: Int = 50
        ) {
            self.entity = entity
            self.entityID = entityID
            self.actorID = actorID
            self.beforeID = beforeID
            self.limit = limit
        }
    }

    public func list(_ f: Filter, by identity: Identity) async throws -> [AuditEntry] {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以查看审计日志") }
        return try await pool.query(
            """
            SELECT l.id, l.at, l.actor_id, a.display_name, l.request_id, l.action, l.entity, l.entity_id, l.before, l.after
            FROM audit_log l LEFT JOIN account a ON a.id = l.actor_id
            WHERE (\(f.entity)::text IS NULL OR l.entity = \(f.entity))
              AND (\(f.entityID)::text IS NULL OR l.entity_id = \(f.entityID))
              AND (\(f.actorID)::int8 IS NULL OR l.actor_id = \(f.actorID))
              AND (\(f.beforeID)::int8 IS NULL OR l.id < \(f.beforeID))
            ORDER BY l.id DESC LIMIT \(f.limit)
            """
        ).map { r in
            AuditEntry(
                id: try r.decode(0), at: try r.decode(1), actorID: try r.decode(2), actorName: try r.decode(3),
                requestID: try r.decode(4), action: try r.decode(5), entity: try r.decode(6), entityID: try r.decode(7),
                before: try r.decode(8, as: PGJSON<JSONValue>?.self)?.value,
                after: try r.decode(9, as: PGJSON<JSONValue>?.self)?.value)
        }
    }
}
