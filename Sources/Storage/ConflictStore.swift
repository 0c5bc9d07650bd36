import Domain
import Foundation
import LibPQ

/// A conflict of interest between an expert (or a whole unit) and an enterprise: a hard exclusion in matching.
public struct StoredConflict: Sendable, Equatable, Codable {
    public var id: Int
    public var expertID: Int?
    public var unitID: Int?
    public var enterpriseID: Int
    public var kind: String
    public var note: String
    public var source: String
    public var validUntil: PGDate?

    enum CodingKeys: String, CodingKey {
        case id, kind, note, source
        case expertID = "expert_id"
        case unitID = "unit_id"
        case enterpriseID = "enterprise_id"
        case validUntil = "valid_until"
    }

    static let columns = "id, expert_id, unit_id, enterprise_id, kind, note, source, valid_until"

    init(row: PGRow) throws {
        id = try row.decode(0)
        expertID = try row.decode(1)
        unitID = try row.decode(2)
        enterpriseID = try row.decode(3)
        kind = try row.decode(4)
        note = try row.decode(5)
        source = try row.decode(6)
        validUntil = try row.decode(7)
    }
}

/// Staff record conflicts for any expert or unit; experts declare their own.
public struct ConflictStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    /// What a caller submits.
    public struct Entry: Sendable, Decodable {
        public var expertID: Int?
        public var unitID: Int?
        public var enterpriseID: Int?
        public var kind: String?
        public var note: String?
        public var validUntil: PGDate?

        enum CodingKeys: String, CodingKey {
            case kind, note
            case expertID = "expert_id"
            case unitID = "unit_id"
            case enterpriseID = "enterprise_id"
            case validUntil = "valid_until"
        }
    }

    public func record(_ entry: Entry, by identity: Identity, audit: AuditContext) async throws -> StoredConflict {
        var e = entry
        let source: String
        switch identity.role {
        case .staff, .admin:
            source = "staff"
        case .expert:
            // An expert declares for themself only.
            guard e.unitID == nil, e.expertID == nil || e.expertID == identity.expertID else {
                throw StorageError.forbidden("专家只能申报本人的利益冲突")
            }
            e.expertID = identity.expertID
            source = "expert"
        default:
            throw StorageError.forbidden("只有项目办工作人员或专家本人可以登记利益冲突")
        }
        var errors: [FieldError] = []
        if (e.expertID == nil) == (e.unitID == nil) {
            errors.append(FieldError(field: "expert_id", code: "one_of", message: "请指定专家或派出单位之一"))
        }
        if e.enterpriseID == nil {
            errors.append(FieldError(field: "enterprise_id", code: "required", message: "此项必填"))
        }
        if ConflictKind.parse(e.kind ?? "") == nil {
            errors.append(
                FieldError(
                    field: "kind", code: "invalid", message: "冲突类型应为 founder、equity、relative、former_employer 或 other"))
        }
        guard errors.isEmpty else { throw ValidationError(errors: errors) }
        let kind = ConflictKind.parse(e.kind!)!.code
        let checked = e
        return try await pool.withTransaction { c in
            let e = checked
            try c.setAudit(audit)
            let isEnterprise = try c.query(
                "SELECT count(*) FROM organization WHERE id = \(e.enterpriseID!) AND kind = 'enterprise'"
            ).scalar(Int.self)
            guard isEnterprise == 1 else {
                throw ValidationError(FieldError(field: "enterprise_id", code: "unknown_reference", message: "企业不存在"))
            }
            return try mappingConstraintErrors {
                try StoredConflict(
                    row: c.query(
                        """
                        INSERT INTO conflict (expert_id, unit_id, enterprise_id, kind, note, source, valid_until, created_by)
                        VALUES (\(e.expertID), \(e.unitID), \(e.enterpriseID!), \(kind), \(e.note ?? ""), \(source),
                                \(e.validUntil), \(identity.accountID))
                        RETURNING \(unsafeRaw: StoredConflict.columns)
                        """)[0])
            }
        }
    }

    /// Staff see all; an expert their own; a unit admin those of their unit and its experts.
    public func list(by identity: Identity) async throws -> [StoredConflict] {
        let rows: PGResult
        switch identity.role {
        case .staff, .admin:
            rows = try await pool.query("SELECT \(unsafeRaw: StoredConflict.columns) FROM conflict ORDER BY id")
        case .expert:
            rows = try await pool.query(
                "SELECT \(unsafeRaw: StoredConflict.columns) FROM conflict WHERE expert_id = \(identity.expertID ?? -1) ORDER BY id"
            )
        case .unitAdmin:
            let unit = identity.organizationID ?? -1
            rows = try await pool.query(
                """
                SELECT \(unsafeRaw: StoredConflict.columns) FROM conflict
                WHERE unit_id = \(unit) OR expert_id IN (SELECT id FROM expert WHERE unit_id = \(unit)) ORDER BY id
                """)
        case .enterprise:
            throw StorageError.forbidden("无权查看利益冲突登记")
        }
        return try rows.map { try StoredConflict(row: $0) }
    }

    /// Staff remove an entry made in error.
    public func delete(_ id: Int, by identity: Identity, audit: AuditContext) async throws {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以删除利益冲突登记") }
        let removed = try await pool.withTransaction { c in
            try c.setAudit(audit)
            return try c.execute("DELETE FROM conflict WHERE id = \(id)")
        }
        if removed == 0 { throw StorageError.notFound(entity: "conflict", id: String(id)) }
    }
}
