import Domain
import Foundation
import LibPQ

/// Match batches: created and steered by staff, run in the background by exactly one process at a time.
public struct BatchStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    static func requireStaff(_ identity: Identity) throws {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以管理匹配批次") }
    }

    /// Creates a batch with its settings (status `created`); `parent` makes it a follow-up (补录) of that batch.
    public func create(
        name: String, settings: BatchSettings, parent: Int?, by identity: Identity, audit: AuditContext
    ) async throws -> StoredBatch {
        try Self.requireStaff(identity)
        var errors = settings.validate()
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "name", code: "required", message: "请填写批次名称"))
        }
        if !errors.isEmpty { throw ValidationError(errors: errors) }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            if let parent, try c.query("SELECT 1 FROM match_batch WHERE id = \(parent)").isEmpty {
                throw ValidationError(
                    FieldError(field: "parent_batch_id", code: "not_found", message: "上一批次 \(parent) 不存在"))
            }
            return try StoredBatch(
                row: c.query(
                    """
                    INSERT INTO match_batch (name, settings, parent_batch_id, created_by)
                    VALUES (\(name.trimmingCharacters(in: .whitespacesAndNewlines)), \(PGJSON(settings)), \(parent),
                            \(identity.accountID))
                    RETURNING \(unsafeRaw: StoredBatch.columns)
                    """)[0])
        }
    }

    public func get(_ id: Int, by identity: Identity) async throws -> StoredBatch {
        try Self.requireStaff(identity)
        let rows = try await pool.query("SELECT \(unsafeRaw: StoredBatch.columns) FROM match_batch WHERE id = \(id)")
        guard let row = rows.first else { throw StorageError.notFound(entity: "batch", id: String(id)) }
        return try StoredBatch(row: row)
    }

    public func list(by identity: Identity) async throws -> [StoredBatch] {
        try Self.requireStaff(identity)
        return try await pool.query(
            "SELECT \(unsafeRaw: StoredBatch.columns) FROM match_batch ORDER BY id DESC LIMIT 200"
        )
        .map(StoredBatch.init)
    }

    /// Moves a batch along its lifecycle under a row lock and records who did it.
    func transition(
        _ c: PGConnection, _ id: Int, to target: BatchStatus, reason: String?, actor: Int?,
        allowedFrom: Set<BatchStatus>? = nil, extra: String = ""
    ) throws -> StoredBatch {
        let rows = try c.query("SELECT \(unsafeRaw: StoredBatch.columns) FROM match_batch WHERE id = \(id) FOR UPDATE")
        guard let row = rows.first else { throw StorageError.notFound(entity: "batch", id: String(id)) }
        let current = try StoredBatch(row: row)
        if let allowedFrom, !allowedFrom.contains(current.status) {
            throw TransitionError(
                lifecycle: BatchStatus.lifecycleName, from: current.status, to: target, code: .notAllowed)
        }
        let record = try BatchStatus.record(
            from: current.status, to: target, actor: actor.map(String.init) ?? "system", at: Date(), reason: reason)
        try c.execute(
            """
            UPDATE match_batch SET status = \(record.to.code), status_reason = \(record.reason), updated_at = now()
            \(unsafeRaw: extra) WHERE id = \(id)
            """)
        try c.execute(
            """
            INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason)
            VALUES ('batch', \(id), \(record.from.code), \(record.to.code), \(actor), \(record.reason))
            """)
        return try StoredBatch(
            row: c.query("SELECT \(unsafeRaw: StoredBatch.columns) FROM match_batch WHERE id = \(id)")[0])
    }

    /// Staff start (or retry after a failure) the run: the batch is queued for any `kczy serve` process.
    public func queue(_ id: Int, by identity: Identity, audit: AuditContext) async throws -> StoredBatch {
        try Self.requireStaff(identity)
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            return try transition(
                c, id, to: .queued, reason: nil, actor: identity.accountID,
                extra: ", run_error = NULL, run_phase = NULL, run_progress = '{}'")
        }
    }

    /// Queues a batch from an operator's command line (no account: the transition records no actor).
    public func queueFromCommandLine(_ id: Int) async throws -> StoredBatch {
        try await pool.withTransaction { c in
            try c.setAudit(.system)
            return try transition(
                c, id, to: .queued, reason: "命令行", actor: nil,
                extra: ", run_error = NULL, run_phase = NULL, run_progress = '{}'")
        }
    }

    /// Staff cancel a batch that is not finalized; a running job notices at its next heartbeat and stops.
    public func cancel(_ id: Int, reason: String?, by identity: Identity, audit: AuditContext) async throws
        -> StoredBatch
    {
        try Self.requireStaff(identity)
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            return try transition(c, id, to: .cancelled, reason: reason, actor: identity.accountID)
        }
    }

    // MARK: - The background run

    /// Claims one runnable batch for `owner`: a queued one, or a running one whose owner stopped heart-beating
    /// (a process that died). `SKIP LOCKED` makes concurrent claimers take different batches, never the same one.
    /// `only` restricts the claim to one batch (an operator's `kczy batch run ID`).
    public func claim(owner: String, staleAfterSeconds: Int, only: Int? = nil) async throws -> StoredBatch? {
        try await pool.withTransaction { c in
            try c.setAudit(.system)
            let rows = try c.query(
                """
                SELECT id, status FROM match_batch
                WHERE (status = 'queued'
                   OR (status = 'running' AND (run_heartbeat IS NULL
                       OR run_heartbeat < now() - make_interval(secs => \(staleAfterSeconds)::int))))
                  AND (\(only)::int8 IS NULL OR id = \(only))
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                """)
            guard let row = rows.first else { return nil }
            let id = try row.decode(0, as: Int.self)
            let wasRunning = try row.decode(1, as: String.self) == "running"
            if !wasRunning {
                _ = try transition(c, id, to: .running, reason: nil, actor: nil)
            }
            try c.execute(
                """
                UPDATE match_batch SET run_owner = \(owner), run_heartbeat = now(), run_attempts = run_attempts + 1,
                    run_started_at = now(), run_phase = 'claimed', run_error = NULL
                WHERE id = \(id)
                """)
            return try StoredBatch(
                row: c.query("SELECT \(unsafeRaw: StoredBatch.columns) FROM match_batch WHERE id = \(id)")[0])
        }
    }

    /// Hands a run back because its process is shutting down: the batch stays `running` with no owner and no
    /// heartbeat, which makes it claimable at once (another process's next poll) instead of after the staleness
    /// limit. Does nothing unless `owner` still holds the run; returns whether it did.
    @discardableResult
    public func release(_ id: Int, owner: String) async throws -> Bool {
        try await pool.withTransaction { c in
            try c.setAudit(.system)
            return try c.execute(
                """
                UPDATE match_batch SET run_owner = NULL, run_heartbeat = NULL, run_phase = 'released'
                WHERE id = \(id) AND run_owner = \(owner) AND status = 'running'
                """) == 1
        }
    }

    /// Records progress; false when the run must stop (cancelled, or another process took it over).
    public func heartbeat(_ id: Int, owner: String, phase: String, progress: [String: Int] = [:]) async throws -> Bool {
        let json = PGJSON(progress)
        let rows = try await pool.query(
            """
            UPDATE match_batch SET run_heartbeat = now(), run_phase = \(phase), run_progress = \(json)
            WHERE id = \(id) AND run_owner = \(owner) AND status = 'running' RETURNING id
            """)
        return !rows.isEmpty
    }

    /// Writes the run's result with COPY and moves the batch to `proposals_ready`, in one transaction, only if
    /// `owner` still holds the run (a process that lost it writes nothing). Returns false if it no longer did.
    public func complete(_ id: Int, owner: String, result: BatchResult) async throws -> Bool {
        try await pool.withTransaction { c in
            try c.setAudit(.system)
            let rows = try c.query(
                "SELECT 1 FROM match_batch WHERE id = \(id) AND run_owner = \(owner) AND status = 'running' FOR UPDATE")
            guard !rows.isEmpty else { return false }
            try c.execute("DELETE FROM proposal_alternate WHERE batch_id = \(id)")
            // Locked pairs stay (fill only what is missing); rejected ones stay too, as the record of the decision
            // (the run treats them as forbidden); every other earlier proposal is replaced.
            try c.execute("DELETE FROM proposal WHERE batch_id = \(id) AND NOT locked AND status <> 'rejected'")
            let lockedPairs = Set(
                try c.query("SELECT need_id, expert_id FROM proposal WHERE batch_id = \(id)").map {
                    "\(try $0.decode(0, as: Int.self))-\(try $0.decode(1, as: Int.self))"
                })
            let fresh = result.pairs.filter { !lockedPairs.contains("\($0.needID)-\($0.expertID)") }
            if !fresh.isEmpty {
                _ = try c.copyIn(
                    "COPY proposal (batch_id, need_id, expert_id, enterprise_id, score, explanation, locked) FROM STDIN"
                ) { w in
                    for p in fresh {
                        try w.appendRow([
                            String(id), String(p.needID), String(p.expertID), String(p.enterpriseID), String(p.score),
                            p.explanationJSON, p.locked ? "t" : "f",
                        ])
                    }
                }
            }
            if !result.alternates.isEmpty {
                _ = try c.copyIn(
                    "COPY proposal_alternate (batch_id, need_id, expert_id, rank, score, explanation, reason) FROM STDIN"
                ) { w in
                    for a in result.alternates {
                        try w.appendRow([
                            String(id), String(a.needID), String(a.expertID), String(a.rank), String(a.score),
                            a.explanationJSON, a.reason,
                        ])
                    }
                }
            }
            try c.execute(
                """
                UPDATE match_batch SET run_phase = 'done', run_finished_at = now(), run_heartbeat = now(),
                    diagnosis = \(result.diagnosisJSON)::jsonb, total_score = \(result.totalScore)
                WHERE id = \(id)
                """)
            _ = try transition(c, id, to: .proposalsReady, reason: nil, actor: nil)
            return true
        }
    }

    /// Records a failed run with its reason (staff can queue it again).
    public func fail(_ id: Int, owner: String, reason: String) async throws {
        try await pool.withTransaction { c in
            try c.setAudit(.system)
            let rows = try c.query(
                "SELECT 1 FROM match_batch WHERE id = \(id) AND run_owner = \(owner) AND status = 'running' FOR UPDATE")
            guard !rows.isEmpty else { return }
            try c.execute(
                "UPDATE match_batch SET run_finished_at = now(), run_error = \(String(reason.prefix(2000))) WHERE id = \(id)"
            )
            _ = try transition(c, id, to: .failed, reason: nil, actor: nil)
        }
    }
}
