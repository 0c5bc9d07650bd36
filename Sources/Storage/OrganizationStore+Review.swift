import Domain
import Foundation
import LibPQ

/// An organization as the screening queue shows it.
public struct OrganizationSummary: Sendable, Equatable, Codable {
    public var id: Int
    public var kind: String
    public var name: String
    public var identifierKind: String
    public var identifier: String
    public var regionCode: String
    public var status: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, name, identifier, status
        case identifierKind = "identifier_kind"
        case regionCode = "region_code"
        case createdAt = "created_at"
    }
}

extension OrganizationStore {
    static let summaryColumns = "id, kind, name, identifier_kind, identifier, region_code, status, created_at"

    static func summary(_ row: PGRow) throws -> OrganizationSummary {
        OrganizationSummary(
            id: try row.decode(0), kind: try row.decode(1), name: try row.decode(2), identifierKind: try row.decode(3),
            identifier: try row.decode(4), regionCode: try row.decode(5), status: try row.decode(6),
            createdAt: try row.decode(7))
    }

    /// Staff: organizations by status (the screening queue is `pending`).
    public func list(by identity: Identity, status: OrganizationStatus?) async throws -> [OrganizationSummary] {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以查看机构审核列表") }
        let statusText = status?.code
        return try await pool.query(
            """
            SELECT \(unsafeRaw: Self.summaryColumns) FROM organization
            WHERE (\(statusText)::text IS NULL OR status = \(statusText)) ORDER BY id LIMIT 500
            """
        ).map(Self.summary)
    }

    /// Staff approve or reject (with a reason) a pending organization.
    public func review(
        _ id: Int, to target: OrganizationStatus, reason: String?, by identity: Identity, audit: AuditContext
    )
        async throws -> OrganizationSummary
    {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以审核机构") }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query("SELECT status FROM organization WHERE id = \(id) FOR UPDATE")
            guard let row = rows.first else { throw StorageError.notFound(entity: "organization", id: String(id)) }
            let currentText = try row.decode(0, as: String.self)
            guard let current = OrganizationStatus.parse(currentText) else {
                throw PGError(.decoding, message: "unknown organization status \(currentText)")
            }
            let record = try OrganizationStatus.record(
                from: current, to: target, actor: String(identity.accountID), at: Date(), reason: reason)
            try c.execute("UPDATE organization SET status = \(record.to.code), updated_at = now() WHERE id = \(id)")
            try c.execute(
                """
                INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason)
                VALUES ('organization', \(id), \(record.from.code), \(record.to.code), \(identity.accountID), \(record.reason))
                """)
            return try Self.summary(
                c.query("SELECT \(unsafeRaw: Self.summaryColumns) FROM organization WHERE id = \(id)")[0])
        }
    }
}
