import Domain
import Foundation
import LibPQ

/// A row of the public list (公示名单): no contact details, nothing confidential.
public struct PublicEntry: Sendable, Equatable, Codable {
    public var proposalID: Int
    public var needTitle: String
    public var enterpriseName: String
    public var expertName: String
    public var unitName: String
    public var titleName: String?

    enum CodingKeys: String, CodingKey {
        case proposalID = "proposal_id"
        case needTitle = "need_title"
        case enterpriseName = "enterprise_name"
        case expertName = "expert_name"
        case unitName = "unit_name"
        case titleName = "title_name"
    }
}

public struct ObjectionView: Sendable, Equatable, Codable {
    public var id: Int
    public var batchID: Int
    public var proposalID: Int
    public var realName: String
    public var body: String
    public var status: String
    public var resolution: String?

    enum CodingKeys: String, CodingKey {
        case id, body, status, resolution
        case batchID = "batch_id"
        case proposalID = "proposal_id"
        case realName = "real_name"
    }
}

/// Publication (公示) of a reviewed batch, written objections, and the dispatch that finalizes it.
public struct PublicationStore: Sendable {
    let pool: PGPool
    public var calendar: WorkingCalendar

    public init(pool: PGPool, calendar: WorkingCalendar = WorkingCalendar()) {
        self.pool = pool
        self.calendar = calendar
    }

    /// Publishes the accepted proposals for `workingDays` working days from `today` (weekends skipped).
    public func publish(
        _ batch: Int, today: LocalDate, workingDays: Int = 5, by identity: Identity, audit: AuditContext
    )
        async throws -> StoredBatch
    {
        try BatchStore.requireStaff(identity)
        guard (1...30).contains(workingDays) else {
            throw ValidationError(FieldError(field: "working_days", code: "out_of_range", message: "公示期应为1–30个工作日"))
        }
        let until = calendar.adding(workingDays: workingDays, to: today)
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let accepted = try c.query(
                "SELECT count(*) FROM proposal WHERE batch_id = \(batch) AND status = 'accepted'"
            ).scalar(Int.self)
            if accepted == 0 { throw StorageError.conflict("没有已采纳的推荐，不能公示") }
            return try BatchStore(pool: pool).transition(
                c, batch, to: .published, reason: nil, actor: identity.accountID,
                allowedFrom: [.underReview],
                extra: ", publish_from = '\(today.description)'::date, publish_until = '\(until.description)'::date")
        }
    }

    /// The public list of a published or finalized batch; confidential needs show only as 保密需求.
    public func publicList(_ batch: Int) async throws -> (batch: StoredBatch, entries: [PublicEntry]) {
        let rows = try await pool.query("SELECT \(unsafeRaw: StoredBatch.columns) FROM match_batch WHERE id = \(batch)")
        guard let row = rows.first, case let b = try StoredBatch(row: row),
            b.status == .published || b.status == .finalized
        else { throw StorageError.notFound(entity: "公示", id: String(batch)) }
        let entries = try await pool.query(
            """
            SELECT p.id, CASE WHEN n.confidential THEN '保密需求' ELSE n.title END, ent.name, e.name, u.name, e.title_name
            FROM proposal p JOIN need n ON n.id = p.need_id JOIN organization ent ON ent.id = p.enterprise_id
              JOIN expert e ON e.id = p.expert_id JOIN organization u ON u.id = e.unit_id
            WHERE p.batch_id = \(batch) AND p.status IN ('accepted', 'dispatched') ORDER BY ent.name, p.id
            """
        ).map {
            PublicEntry(
                proposalID: try $0.decode(0), needTitle: try $0.decode(1), enterpriseName: try $0.decode(2),
                expertName: try $0.decode(3), unitName: try $0.decode(4), titleName: try $0.decode(5))
        }
        return (b, entries)
    }

    /// Any logged-in user files a written objection under their real name while the window is open.
    public func object(
        to proposal: Int, realName: String, body: String, today: LocalDate, by identity: Identity, audit: AuditContext
    ) async throws -> ObjectionView {
        var errors: [FieldError] = []
        if !(2...50).contains(realName.trimmingCharacters(in: .whitespaces).count) {
            errors.append(FieldError(field: "real_name", code: "required", message: "请填写真实姓名"))
        }
        if !(10...5000).contains(body.trimmingCharacters(in: .whitespacesAndNewlines).count) {
            errors.append(FieldError(field: "body", code: "length", message: "异议内容应为10–5000字"))
        }
        if !errors.isEmpty { throw ValidationError(errors: errors) }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query(
                """
                SELECT b.id, b.status, b.publish_from, b.publish_until FROM proposal p JOIN match_batch b ON b.id = p.batch_id
                WHERE p.id = \(proposal) AND p.status = 'accepted'
                """)
            guard let row = rows.first, try row.decode(1, as: String.self) == "published" else {
                throw StorageError.notFound(entity: "公示名单条目", id: String(proposal))
            }
            let until = try row.decode(3, as: PGDate.self)
            guard let end = LocalDate(until.description), today <= end else {
                throw StorageError.conflict("公示期已结束，不能再提出异议")
            }
            let id = try c.query(
                """
                INSERT INTO objection (batch_id, proposal_id, filed_by, real_name, body)
                VALUES (\(try row.decode(0, as: Int.self)), \(proposal), \(identity.accountID),
                        \(realName.trimmingCharacters(in: .whitespaces)), \(body.trimmingCharacters(in: .whitespacesAndNewlines)))
                RETURNING id
                """
            ).scalar(Int.self)
            return try Self.objection(c, id)
        }
    }

    public func objections(batch: Int, by identity: Identity) async throws -> [ObjectionView] {
        try BatchStore.requireStaff(identity)
        return try await pool.query(
            "SELECT id, batch_id, proposal_id, real_name, body, status, resolution FROM objection WHERE batch_id = \(batch) ORDER BY id"
        ).map(Self.objection)
    }

    /// Staff resolve an objection: upheld removes the pair from the list; dismissed keeps it. A reason is required.
    public func resolve(_ id: Int, upheld: Bool, resolution: String, by identity: Identity, audit: AuditContext)
        async throws -> ObjectionView
    {
        try BatchStore.requireStaff(identity)
        guard !resolution.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError(FieldError(field: "resolution", code: "required", message: "请填写处理意见"))
        }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query("SELECT proposal_id, status FROM objection WHERE id = \(id) FOR UPDATE")
            guard let row = rows.first else { throw StorageError.notFound(entity: "objection", id: String(id)) }
            guard try row.decode(1, as: String.self) == "open" else { throw StorageError.conflict("该异议已处理") }
            try c.execute(
                """
                UPDATE objection SET status = \(upheld ? "upheld" : "dismissed"), resolution = \(resolution),
                    resolved_by = \(identity.accountID), resolved_at = now()
                WHERE id = \(id)
                """)
            if upheld {
                try c.execute(
                    """
                    UPDATE proposal SET status = 'withdrawn', status_reason = \("异议成立：" + resolution), updated_at = now()
                    WHERE id = \(try row.decode(0, as: Int.self)) AND status = 'accepted'
                    """)
            }
            return try Self.objection(c, id)
        }
    }

    /// After the window, with every objection resolved, staff finalize: each accepted proposal becomes an active
    /// assignment for the batch's term. The database refuses any assignment past a capacity or cap (trigger), so
    /// two finalizations at once cannot overbook; a refusal rolls the whole finalization back with a 409.
    public func finalize(_ batch: Int, today: LocalDate, by identity: Identity, audit: AuditContext) async throws
        -> StoredBatch
    {
        try BatchStore.requireStaff(identity)
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query(
                "SELECT \(unsafeRaw: StoredBatch.columns) FROM match_batch WHERE id = \(batch) FOR UPDATE")
            guard let row = rows.first else { throw StorageError.notFound(entity: "batch", id: String(batch)) }
            let b = try StoredBatch(row: row)
            guard b.status == .published else {
                throw TransitionError(
                    lifecycle: BatchStatus.lifecycleName, from: b.status, to: .finalized, code: .notAllowed)
            }
            if let until = b.publishUntil, today <= until {
                throw StorageError.conflict("公示期至 \(until) 结束，期满后才能确认选派")
            }
            let open = try c.query("SELECT count(*) FROM objection WHERE batch_id = \(batch) AND status = 'open'")
                .scalar(Int.self)
            if open > 0 { throw StorageError.conflict("还有 \(open) 条异议未处理") }
            let s = b.settings
            do {
                try c.execute(
                    """
                    INSERT INTO assignment (batch_id, proposal_id, need_id, expert_id, enterprise_id, term_start, term_end,
                                            created_by)
                    SELECT batch_id, id, need_id, expert_id, enterprise_id, \(PGDate(s.termStart.description)),
                           \(PGDate(s.termEnd.description)), \(identity.accountID)
                    FROM proposal WHERE batch_id = \(batch) AND status = 'accepted' ORDER BY expert_id, id
                    """)
            } catch let e as PGError where e.sqlState == "23514" {
                throw AssignmentStore.capacityConflict(e)
            }
            try c.execute(
                "UPDATE proposal SET status = 'dispatched', updated_at = now() WHERE batch_id = \(batch) AND status = 'accepted'"
            )
            // The dispatched needs, and the experts now at capacity, change state (with the transitions recorded).
            try c.execute(
                """
                WITH old AS (
                    SELECT id, status FROM need WHERE status IN ('open', 'proposed')
                      AND id IN (SELECT need_id FROM assignment WHERE batch_id = \(batch)) FOR UPDATE),
                upd AS (UPDATE need n SET status = 'dispatched', updated_at = now() FROM old WHERE n.id = old.id
                        RETURNING n.id, old.status)
                INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason)
                SELECT 'need', id, status, 'dispatched', \(identity.accountID), \("批次 \(batch) 选派") FROM upd
                """)
            try c.execute(
                """
                WITH full_ AS (
                    SELECT e.id FROM expert e WHERE e.status = 'available'
                      AND e.id IN (SELECT expert_id FROM assignment WHERE batch_id = \(batch))
                      AND (SELECT count(*) FROM assignment a WHERE a.expert_id = e.id AND a.status = 'active') >= e.capacity
                    FOR UPDATE),
                upd AS (UPDATE expert e SET status = 'dispatched', updated_at = now() FROM full_ WHERE e.id = full_.id
                        RETURNING e.id)
                INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason)
                SELECT 'expert', id, 'available', 'dispatched', \(identity.accountID), \("批次 \(batch) 选派") FROM upd
                """)
            return try BatchStore(pool: pool).transition(
                c, batch, to: .finalized, reason: nil, actor: identity.accountID)
        }
    }

    static func objection(_ c: PGConnection, _ id: Int) throws -> ObjectionView {
        try objection(
            c.query(
                "SELECT id, batch_id, proposal_id, real_name, body, status, resolution FROM objection WHERE id = \(id)")[
                    0])
    }

    static func objection(_ r: PGRow) throws -> ObjectionView {
        ObjectionView(
            id: try r.decode(0), batchID: try r.decode(1), proposalID: try r.decode(2), realName: try r.decode(3),
            body: try r.decode(4), status: try r.decode(5), resolution: try r.decode(6))
    }
}
