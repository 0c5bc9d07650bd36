import Domain
import Foundation
import LibPQ

extension ExpertStore {
    /// Lifecycle actions on an expert and who may take them.
    public enum Action: String, Sendable, CaseIterable {
        /// The expert's own unit: registered or pending re-approval → approved.
        case approve
        /// Staff (形式审查): approved → screened.
        case screen
        /// Staff: screened → available to matching.
        case release
        /// Staff: → suspended, with a reason.
        case suspend
        /// Staff: suspended → available.
        case reinstate

        var target: ExpertStatus {
            switch self {
            case .approve: .approved
            case .screen: .screened
            case .release, .reinstate: .available
            case .suspend: .suspended
            }
        }
    }

    public func perform(_ action: Action, on id: Int, reason: String?, by identity: Identity, audit: AuditContext)
        async throws -> StoredExpert
    {
        try await pool.withTransaction { c in
            try c.setAudit(audit)
            let current = try Self.locked(c, id)
            if action == .approve {
                guard identity.role == .unitAdmin, identity.organizationID == current.unitID else {
                    throw StorageError.forbidden("只有专家所在单位可以审核专家")
                }
            } else if !identity.isProgramStaff {
                throw StorageError.forbidden("只有项目办工作人员可以执行此操作")
            }
            let record = try ExpertStatus.record(
                from: current.status, to: action.target, actor: String(identity.accountID), at: Date(), reason: reason)
            try c.execute("UPDATE expert SET status = \(record.to.code), updated_at = now() WHERE id = \(id)")
            try Self.recordTransition(c, id, record.from, record.to, identity, reason: record.reason)
            return try Self.locked(c, id)
        }
    }
}
