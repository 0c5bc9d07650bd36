import Domain
import Foundation
import LibPQ

extension NeedStore {
    /// A lifecycle action and who may take it.
    public enum Action: String, Sendable, CaseIterable {
        /// Enterprise: draft or returned → submitted.
        case submit
        /// Enterprise: → withdrawn.
        case withdraw
        /// Staff (形式审查): submitted → open.
        case accept
        /// Staff: submitted → returned, with a reason.
        case `return`
        /// Staff: → closed, with a reason.
        case close
        /// Staff: expired → open.
        case renew

        var target: NeedStatus {
            switch self {
            case .submit: .submitted
            case .withdraw: .withdrawn
            case .accept: .open
            case .return: .returned
            case .close: .closed
            case .renew: .open
            }
        }

        var byEnterprise: Bool { self == .submit || self == .withdraw }
    }

    /// Applies an action under a row lock, records the transition, and returns the updated need.
    public func perform(_ action: Action, on id: Int, reason: String?, by identity: Identity, audit: AuditContext)
        async throws -> StoredNeed
    {
        try await pool.withTransaction { c in
            try c.setAudit(audit)
            let current = try Self.lockedNeed(c, id)
            if action.byEnterprise {
                guard identity.role == .enterprise, identity.organizationID == current.enterpriseID else {
                    throw StorageError.forbidden("只有需求所属企业可以执行此操作")
                }
            } else if !identity.isProgramStaff {
                throw StorageError.forbidden("只有项目办工作人员可以执行此操作")
            }
            let record = try NeedStatus.record(
                from: current.status, to: action.target, actor: String(identity.accountID), at: Date(), reason: reason)
            try c.execute(
                """
                UPDATE need SET status = \(record.to.code), status_reason = \(record.reason), updated_at = now()
                WHERE id = \(id)
                """)
            try c.execute(
                """
                INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason)
                VALUES ('need', \(id), \(record.from.code), \(record.to.code), \(identity.accountID), \(record.reason))
                """)
            return try Self.lockedNeed(c, id)
        }
    }

    /// The recorded transitions of a need, oldest first.
    public func history(_ id: Int, by identity: Identity) async throws -> [(
        from: String, to: String, actorID: Int?, reason: String?, at: Date
    )] {
        _ = try await get(id, by: identity)
        let rows = try await pool.query(
            """
            SELECT from_status, to_status, actor_id, reason, at FROM state_transition
            WHERE entity = 'need' AND entity_id = \(id) ORDER BY id
            """)
        return try rows.map {
            (try $0.decode(0), try $0.decode(1), try $0.decode(2), try $0.decode(3), try $0.decode(4))
        }
    }
}

extension NeedStore {
    /// Open needs expire a set number of days after they were opened (the last transition to `open`, or creation
    /// for rows loaded without one); staff can `renew` them. Returns the ids expired. Safe to run from several
    /// processes at once: each row is updated once, under its row lock.
    public func expireOverdue(validityDays: Int, today: LocalDate) async throws -> [Int] {
        let cutoff = PGDate(LocalDate(dayNumber: today.dayNumber - validityDays).description)
        return try await pool.withTransaction { c in
            try c.setAudit(.system)
            let ids = try c.query(
                """
                UPDATE need n SET status = 'expired', status_reason = \("发布超过\(validityDays)天未完成选派，已过期"),
                    updated_at = now()
                WHERE n.status = 'open'
                  AND coalesce((SELECT max(t.at) FROM state_transition t
                                WHERE t.entity = 'need' AND t.entity_id = n.id AND t.to_status = 'open'),
                               n.created_at)::date < \(cutoff)
                RETURNING n.id
                """
            ).map { try $0.decode(0, as: Int.self) }
            if !ids.isEmpty {
                try c.execute(
                    """
                    INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason)
                    SELECT 'need', unnest(\(ids)::int8[]), 'open', 'expired', NULL, '超过有效期'
                    """)
            }
            return ids
        }
    }
}
