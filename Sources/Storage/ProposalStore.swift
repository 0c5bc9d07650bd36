import Domain
import Foundation
import LibPQ

/// A proposal as review pages and the API show it.
public struct ProposalView: Sendable, Equatable, Codable {
    public var id: Int
    public var batchID: Int
    public var needID: Int
    public var needTitle: String
    public var confidential: Bool
    public var enterpriseID: Int
    public var enterpriseName: String
    public var expertID: Int
    public var expertName: String
    public var unitName: String
    public var score: Double
    public var explanation: JSONValue
    public var status: String
    public var locked: Bool
    public var statusReason: String?
    public var enterpriseResponse: String?
    public var enterpriseReason: String?
    public var expertResponse: String?
    public var expertReason: String?

    enum CodingKeys: String, CodingKey {
        case id, confidential, score, explanation, status, locked
        case batchID = "batch_id"
        case needID = "need_id"
        case needTitle = "need_title"
        case enterpriseID = "enterprise_id"
        case enterpriseName = "enterprise_name"
        case expertID = "expert_id"
        case expertName = "expert_name"
        case unitName = "unit_name"
        case statusReason = "status_reason"
        case enterpriseResponse = "enterprise_response"
        case enterpriseReason = "enterprise_reason"
        case expertResponse = "expert_response"
        case expertReason = "expert_reason"
    }

    static let select = """
        SELECT p.id, p.batch_id, p.need_id, n.title, n.confidential, p.enterprise_id, ent.name, p.expert_id, e.name,
               u.name, p.score, p.explanation, p.status, p.locked, p.status_reason, p.enterprise_response,
               p.enterprise_reason, p.expert_response, p.expert_reason
        FROM proposal p JOIN need n ON n.id = p.need_id JOIN organization ent ON ent.id = p.enterprise_id
          JOIN expert e ON e.id = p.expert_id JOIN organization u ON u.id = e.unit_id
        """

    init(row r: PGRow) throws {
        id = try r.decode(0)
        batchID = try r.decode(1)
        needID = try r.decode(2)
        needTitle = try r.decode(3)
        confidential = try r.decode(4)
        enterpriseID = try r.decode(5)
        enterpriseName = try r.decode(6)
        expertID = try r.decode(7)
        expertName = try r.decode(8)
        unitName = try r.decode(9)
        score = try r.decode(10)
        explanation = try r.decode(11, as: PGJSON<JSONValue>.self).value
        status = try r.decode(12)
        locked = try r.decode(13)
        statusReason = try r.decode(14)
        enterpriseResponse = try r.decode(15)
        enterpriseReason = try r.decode(16)
        expertResponse = try r.decode(17)
        expertReason = try r.decode(18)
    }
}

/// An alternate of a need in a batch, with why it was not chosen.
public struct AlternateView: Sendable, Equatable, Codable {
    public var needID: Int
    public var expertID: Int
    public var expertName: String
    public var rank: Int
    public var score: Double
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case rank, score, reason
        case needID = "need_id"
        case expertID = "expert_id"
        case expertName = "expert_name"
    }
}

/// Review of a batch's proposals: staff accept, reject, lock and swap; enterprises and experts confirm or decline
/// their own (two-way choice).
public struct ProposalStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    /// Staff see all of a batch; an enterprise its own needs' proposals; an expert their own (confidential needs are
    /// visible to the experts proposed for them).
    /// A whole batch's list is for staff; everyone else reads their own across batches (`batch` nil).
    public func list(batch: Int?, by identity: Identity) async throws -> [ProposalView] {
        if batch != nil { try BatchStore.requireStaff(identity) }
        let filter = identity.dispatchScope(row: "p")
        return try await pool.query(
            """
            \(unsafeRaw: ProposalView.select)
            WHERE \(unsafeRaw: filter) AND (\(batch)::int8 IS NULL OR p.batch_id = \(batch))
            ORDER BY p.batch_id DESC, p.need_id, p.score DESC, p.id
            """
        ).map(ProposalView.init)
    }

    public func alternates(batch: Int, need: Int, by identity: Identity) async throws -> [AlternateView] {
        try BatchStore.requireStaff(identity)
        return try await pool.query(
            """
            SELECT a.need_id, a.expert_id, e.name, a.rank, a.score, a.reason FROM proposal_alternate a
            JOIN expert e ON e.id = a.expert_id WHERE a.batch_id = \(batch) AND a.need_id = \(need) ORDER BY a.rank
            """
        ).map {
            AlternateView(
                needID: try $0.decode(0), expertID: try $0.decode(1), expertName: try $0.decode(2),
                rank: try $0.decode(3),
                score: try $0.decode(4), reason: try $0.decode(5))
        }
    }

    public enum Decision: String, Sendable, CaseIterable {
        case accept, reject, lock, unlock
    }

    /// Staff decide on a proposal while its batch is in review; the first decision opens the review.
    public func decide(_ id: Int, _ decision: Decision, reason: String?, by identity: Identity, audit: AuditContext)
        async throws -> ProposalView
    {
        try BatchStore.requireStaff(identity)
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let batch = try Self.reviewableBatch(c, proposal: id)
            switch decision {
            case .accept:
                try c.execute(
                    "UPDATE proposal SET status = 'accepted', status_reason = \(reason), updated_at = now() WHERE id = \(id)"
                )
            case .reject:
                guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ValidationError(FieldError(field: "reason", code: "required", message: "请填写不予采纳的原因"))
                }
                try c.execute(
                    "UPDATE proposal SET status = 'rejected', locked = false, status_reason = \(reason), updated_at = now() WHERE id = \(id)"
                )
            case .lock, .unlock:
                try c.execute("UPDATE proposal SET locked = \(decision == .lock), updated_at = now() WHERE id = \(id)")
            }
            try Self.openReview(c, batch: batch, actor: identity.accountID)
            return try Self.view(c, id)
        }
    }

    /// The change in total score if `alternate` replaced the proposal's expert (negative: the total drops).
    public func swapDelta(_ id: Int, alternate: Int, by identity: Identity) async throws -> Double {
        try BatchStore.requireStaff(identity)
        let rows = try await pool.query(
            """
            SELECT a.score - p.score FROM proposal p JOIN proposal_alternate a
              ON a.batch_id = p.batch_id AND a.need_id = p.need_id AND a.expert_id = \(alternate)
            WHERE p.id = \(id)
            """)
        guard let row = rows.first else {
            throw ValidationError(FieldError(field: "expert_id", code: "not_alternate", message: "该专家不是本需求的备选"))
        }
        return try row.decode(0, as: Double.self)
    }

    /// Replaces the proposal's expert by one of the need's alternates: the old proposal is rejected with the
    /// reason, the new one is accepted. The alternate must not already be proposed in the batch.
    public func swap(_ id: Int, alternate: Int, reason: String?, by identity: Identity, audit: AuditContext)
        async throws -> ProposalView
    {
        try BatchStore.requireStaff(identity)
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let batch = try Self.reviewableBatch(c, proposal: id)
            let rows = try c.query(
                """
                SELECT p.need_id, p.enterprise_id, a.score, a.explanation::text FROM proposal p
                JOIN proposal_alternate a ON a.batch_id = p.batch_id AND a.need_id = p.need_id AND a.expert_id = \(alternate)
                WHERE p.id = \(id)
                """)
            guard let row = rows.first else {
                throw ValidationError(FieldError(field: "expert_id", code: "not_alternate", message: "该专家不是本需求的备选"))
            }
            let busy = try c.query(
                "SELECT 1 FROM proposal WHERE batch_id = \(batch) AND expert_id = \(alternate) AND status IN ('proposed', 'accepted')"
            )
            if !busy.isEmpty {
                throw StorageError.conflict("该备选专家已在本批次的其他推荐中，请先处理那条推荐")
            }
            let why = reason ?? "替换为备选专家 \(alternate)"
            try c.execute(
                "UPDATE proposal SET status = 'rejected', locked = false, status_reason = \(why), updated_at = now() WHERE id = \(id)"
            )
            let newID = try c.query(
                """
                INSERT INTO proposal (batch_id, need_id, expert_id, enterprise_id, score, explanation, status, status_reason)
                VALUES (\(batch), \(try row.decode(0, as: Int.self)), \(alternate), \(try row.decode(1, as: Int.self)),
                        \(try row.decode(2, as: Double.self)), \(try row.decode(3, as: String.self))::jsonb, 'accepted',
                        \("替换提案 \(id)"))
                RETURNING id
                """
            ).scalar(Int.self)
            try Self.openReview(c, batch: batch, actor: identity.accountID)
            return try Self.view(c, newID)
        }
    }

    public enum Response: String, Sendable, CaseIterable {
        case confirm = "confirmed", decline = "declined"
    }

    /// Two-way choice: the enterprise (for its need) or the expert (for themself) confirms or declines, with a reason
    /// required for a decline.
    public func respond(_ id: Int, _ response: Response, reason: String?, by identity: Identity, audit: AuditContext)
        async throws -> ProposalView
    {
        try await pool.withTransaction { c in
            try c.setAudit(audit)
            let current = try Self.view(c, id)
            if response == .decline && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError(FieldError(field: "reason", code: "required", message: "谢绝时请说明原因"))
            }
            let batchStatus = try c.query("SELECT status FROM match_batch WHERE id = \(current.batchID)").scalar(
                String.self)
            guard ["proposals_ready", "under_review", "published"].contains(batchStatus) else {
                throw StorageError.conflict("该批次当前不接受确认或谢绝")
            }
            switch identity.role {
            case .enterprise where identity.organizationID == current.enterpriseID:
                try c.execute(
                    """
                    UPDATE proposal SET enterprise_response = \(response.rawValue), enterprise_reason = \(reason),
                        updated_at = now() WHERE id = \(id)
                    """)
            case .expert where identity.expertID == current.expertID:
                try c.execute(
                    """
                    UPDATE proposal SET expert_response = \(response.rawValue), expert_reason = \(reason),
                        updated_at = now() WHERE id = \(id)
                    """)
            default:
                throw StorageError.forbidden("只有需求所属企业或被推荐专家本人可以确认或谢绝")
            }
            return try Self.view(c, id)
        }
    }

    static func view(_ c: PGConnection, _ id: Int) throws -> ProposalView {
        let rows = try c.query("\(unsafeRaw: ProposalView.select) WHERE p.id = \(id)")
        guard let row = rows.first else { throw StorageError.notFound(entity: "proposal", id: String(id)) }
        return try ProposalView(row: row)
    }

    /// The proposal's batch, locked, if it is still in review.
    static func reviewableBatch(_ c: PGConnection, proposal id: Int) throws -> Int {
        let rows = try c.query(
            "SELECT b.id, b.status FROM proposal p JOIN match_batch b ON b.id = p.batch_id WHERE p.id = \(id) FOR UPDATE OF b"
        )
        guard let row = rows.first else { throw StorageError.notFound(entity: "proposal", id: String(id)) }
        let status = try row.decode(1, as: String.self)
        guard status == "proposals_ready" || status == "under_review" else {
            throw StorageError.conflict("批次当前状态为“\(BatchStatus(rawValue: status)?.label ?? status)”，不能再修改推荐")
        }
        return try row.decode(0, as: Int.self)
    }

    static func openReview(_ c: PGConnection, batch: Int, actor: Int) throws {
        let status = try c.query("SELECT status FROM match_batch WHERE id = \(batch)").scalar(String.self)
        guard status == "proposals_ready" else { return }
        try c.execute("UPDATE match_batch SET status = 'under_review', updated_at = now() WHERE id = \(batch)")
        try c.execute(
            """
            INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id)
            VALUES ('batch', \(batch), 'proposals_ready', 'under_review', \(actor))
            """)
    }
}
