import Domain
import Foundation
import LibPQ

/// Needs: creation and edits by their enterprise, reading under tenant rules, and lifecycle transitions.
///
/// Every rule about who may do what is checked here, next to the query, so no route can forget one.
public struct NeedStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    /// Creates a draft for the caller's own enterprise.
    public func create(_ draft: NeedDraft, by identity: Identity, audit: AuditContext, today: LocalDate) async throws
        -> StoredNeed
    {
        guard identity.role == .enterprise, let enterprise = identity.organizationID else {
            throw StorageError.forbidden("只有企业用户可以提交技术需求")
        }
        let d = try draft.validated(today: today)
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let status = try c.query("SELECT status FROM organization WHERE id = \(enterprise)").scalar(String.self)
            guard status == "approved" else { throw StorageError.forbidden("企业注册信息尚未通过审核，暂不能提交需求") }
            try Self.checkPreferredExpert(c, d.preferredExpertID)
            return try mappingConstraintErrors {
                try StoredNeed(
                    row: c.query(
                        """
                        INSERT INTO need (enterprise_id, title, description, technical_targets, tracks, disciplines,
                            keywords, budget, ip_arrangement, expected_outcomes, deadline, confidential,
                            accepts_out_of_province, experts_needed, preferred_expert_id)
                        VALUES (\(enterprise), \(d.title), \(d.description), \(d.technicalTargets), \(d.tracks.map(\.code)),
                            \(d.disciplineCodes), \(d.keywords), \(d.budget), \(d.ipArrangement?.code),
                            \(d.expectedOutcomes.map(\.code)), \(d.deadline.flatMap { PGDate($0.description) }),
                            \(d.confidential), \(d.acceptsOutOfProvince), \(d.expertsNeeded),
                            \(d.preferredExpertID))
                        RETURNING \(unsafeRaw: StoredNeed.columns)
                        """)[0])
            }
        }
    }

    /// One need, if the caller may see it (404 for unknown ids, 403 for other tenants' needs).
    public func get(_ id: Int, by identity: Identity) async throws -> StoredNeed {
        let rows = try await pool.query("SELECT \(unsafeRaw: StoredNeed.columns) FROM need WHERE id = \(id)")
        guard let row = rows.first else { throw StorageError.notFound(entity: "need", id: String(id)) }
        let need = try StoredNeed(row: row)
        do {
            try Self.authorizeRead(need, identity)
        } catch StorageError.forbidden(let why) {
            // A confidential need is visible to the experts proposed for it.
            guard identity.role == .expert else { throw StorageError.forbidden(why) }
            let proposed =
                try await pool.query(
                    """
                    SELECT 1 FROM proposal WHERE need_id = \(id) AND expert_id = \(identity.expertID ?? -1)
                      AND status <> 'rejected'
                    """
                ).count > 0
            if !proposed { throw StorageError.forbidden(why) }
        }
        return need
    }

    /// The needs the caller may see, newest first, optionally by status.
    public func list(by identity: Identity, status: NeedStatus? = nil, limit: Int = 100, offset: Int = 0) async throws
        -> [StoredNeed]
    {
        let statusText = status?.code
        let rows: PGResult
        switch identity.role {
        case .staff, .admin:
            rows = try await pool.query(
                """
                SELECT \(unsafeRaw: StoredNeed.columns) FROM need
                WHERE (\(statusText)::text IS NULL OR status = \(statusText))
                ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)
                """)
        case .enterprise:
            rows = try await pool.query(
                """
                SELECT \(unsafeRaw: StoredNeed.columns) FROM need
                WHERE enterprise_id = \(identity.organizationID ?? -1) AND (\(statusText)::text IS NULL OR status = \(statusText))
                ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)
                """)
        case .expert, .unitAdmin:
            // Researchers see the open, non-confidential needs (the public call for needs).
            rows = try await pool.query(
                """
                SELECT \(unsafeRaw: StoredNeed.columns) FROM need
                WHERE NOT confidential AND status = 'open' AND (\(statusText)::text IS NULL OR status = \(statusText))
                ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)
                """)
        }
        return try rows.map { try StoredNeed(row: $0) }
    }

    /// Replaces the content of a draft or returned need of the caller's enterprise.
    public func update(_ id: Int, _ draft: NeedDraft, by identity: Identity, audit: AuditContext, today: LocalDate)
        async throws -> StoredNeed
    {
        let d = try draft.validated(today: today)
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let current = try Self.lockedNeed(c, id)
            guard identity.role == .enterprise, identity.organizationID == current.enterpriseID else {
                throw StorageError.forbidden("只能修改本企业的需求")
            }
            guard current.status == .draft || current.status == .returned else {
                throw TransitionError(
                    lifecycle: NeedStatus.lifecycleName, from: current.status, to: .draft, code: .notAllowed)
            }
            try Self.checkPreferredExpert(c, d.preferredExpertID)
            return try mappingConstraintErrors {
                try StoredNeed(
                    row: c.query(
                        """
                        UPDATE need SET title = \(d.title), description = \(d.description),
                            technical_targets = \(d.technicalTargets), tracks = \(d.tracks.map(\.code)),
                            disciplines = \(d.disciplineCodes), keywords = \(d.keywords), budget = \(d.budget),
                            ip_arrangement = \(d.ipArrangement?.code), expected_outcomes = \(d.expectedOutcomes.map(\.code)),
                            deadline = \(d.deadline.flatMap { PGDate($0.description) }), confidential = \(d.confidential),
                            accepts_out_of_province = \(d.acceptsOutOfProvince), experts_needed = \(d.expertsNeeded),
                            preferred_expert_id = \(d.preferredExpertID), updated_at = now()
                        WHERE id = \(id) RETURNING \(unsafeRaw: StoredNeed.columns)
                        """)[0])
            }
        }
    }

    /// 企业点将 must name an existing expert who is not suspended.
    static func checkPreferredExpert(_ c: PGConnection, _ id: Int?) throws {
        guard let id else { return }
        let ok = try c.query("SELECT 1 FROM expert WHERE id = \(id) AND status <> 'suspended'").count == 1
        if !ok {
            throw ValidationError(
                FieldError(field: "preferred_expert_id", code: "unknown_expert", message: "点将专家编号 \(id) 不存在或已暂停"))
        }
    }

    static func lockedNeed(_ c: PGConnection, _ id: Int) throws -> StoredNeed {
        let rows = try c.query("SELECT \(unsafeRaw: StoredNeed.columns) FROM need WHERE id = \(id) FOR UPDATE")
        guard let row = rows.first else { throw StorageError.notFound(entity: "need", id: String(id)) }
        return try StoredNeed(row: row)
    }

    static func authorizeRead(_ need: StoredNeed, _ identity: Identity) throws {
        switch identity.role {
        case .staff, .admin:
            return
        case .enterprise where identity.organizationID == need.enterpriseID:
            return
        case .expert, .unitAdmin:
            // (A `where` on a multi-pattern case binds only to the last pattern, so this is an explicit check.)
            if !need.draft.confidential && need.status == .open { return }
            throw StorageError.forbidden("无权查看该需求")
        default:
            throw StorageError.forbidden("无权查看该需求")
        }
    }
}
