import Domain
import Foundation
import LibPQ

/// A dispatch as listed.
public struct AssignmentView: Sendable, Equatable, Codable {
    public var id: Int
    public var batchID: Int?
    public var needID: Int
    public var expertID: Int
    public var enterpriseID: Int
    public var termStart: String
    public var termEnd: String
    public var status: String
    /// The tri-party agreement (expert, unit, enterprise) on record: its reference and signing date.
    public var agreementRef: String?
    public var agreementSignedOn: String?

    enum CodingKeys: String, CodingKey {
        case id, status
        case agreementRef = "agreement_ref"
        case agreementSignedOn = "agreement_signed_on"
        case batchID = "batch_id"
        case needID = "need_id"
        case expertID = "expert_id"
        case enterpriseID = "enterprise_id"
        case termStart = "term_start"
        case termEnd = "term_end"
    }
}

/// Assignments outside a batch (a dispatch staff arrange by hand) and the list of dispatches.
public struct AssignmentStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    /// Staff dispatch an expert to a need directly. The capacity trigger decides under concurrency: however many
    /// of these run at once, no expert and no enterprise ends up past its limit (409 for the ones refused).
    public func create(
        need: Int, expert: Int, termStart: LocalDate, termEnd: LocalDate, agreementRef: String?, by identity: Identity,
        audit: AuditContext
    ) async throws -> AssignmentView {
        try BatchStore.requireStaff(identity)
        guard termEnd > termStart else {
            throw ValidationError(FieldError(field: "term_end", code: "before_start", message: "服务期结束日期应晚于开始日期"))
        }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query("SELECT enterprise_id FROM need WHERE id = \(need)")
            guard let row = rows.first else {
                throw ValidationError(FieldError(field: "need_id", code: "not_found", message: "需求 \(need) 不存在"))
            }
            if try c.query("SELECT 1 FROM expert WHERE id = \(expert)").isEmpty {
                throw ValidationError(FieldError(field: "expert_id", code: "not_found", message: "专家 \(expert) 不存在"))
            }
            do {
                let id = try c.query(
                    """
                    INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end, agreement_ref, created_by)
                    VALUES (\(need), \(expert), \(try row.decode(0, as: Int.self)), \(PGDate(termStart.description)),
                            \(PGDate(termEnd.description)), \(agreementRef), \(identity.accountID))
                    RETURNING id
                    """
                ).scalar(Int.self)
                return try Self.view(c, id)
            } catch let e as PGError where e.sqlState == "23514" {
                throw Self.capacityConflict(e)
            }
        }
    }

    /// Staff record the signed tri-party agreement of a dispatch (its reference number and signing date).
    public func recordAgreement(
        _ id: Int, reference: String, signedOn: LocalDate, today: LocalDate, by identity: Identity, audit: AuditContext
    ) async throws -> AssignmentView {
        try BatchStore.requireStaff(identity)
        var errors: [FieldError] = []
        if !(2...100).contains(reference.trimmingCharacters(in: .whitespaces).count) {
            errors.append(FieldError(field: "reference", code: "required", message: "请填写三方协议编号"))
        }
        if signedOn > today { errors.append(FieldError(field: "signed_on", code: "future", message: "签订日期不能晚于今天")) }
        if !errors.isEmpty { throw ValidationError(errors: errors) }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let updated = try c.query(
                """
                UPDATE assignment SET agreement_ref = \(reference.trimmingCharacters(in: .whitespaces)),
                    agreement_signed_on = \(PGDate(signedOn.description))
                WHERE id = \(id) RETURNING id
                """)
            guard !updated.isEmpty else { throw StorageError.notFound(entity: "assignment", id: String(id)) }
            return try Self.view(c, id)
        }
    }

    /// The capacity trigger's refusal (SQLSTATE 23514 from `assignment_within_capacity`) as a 409 that says which
    /// limit was reached.
    static func capacityConflict(_ e: PGError) -> StorageError {
        .conflict(e.constraint == "assignment_enterprise_cap" ? "该企业的科创专员已达上限" : "该专家的服务容量已满")
    }

    public func list(by identity: Identity) async throws -> [AssignmentView] {
        let filter = identity.dispatchScope()
        return try await pool.query(
            """
            SELECT a.id, a.batch_id, a.need_id, a.expert_id, a.enterprise_id, a.term_start::text, a.term_end::text,
                   a.status, a.agreement_ref, a.agreement_signed_on::text
            FROM assignment a JOIN expert e ON e.id = a.expert_id WHERE \(unsafeRaw: filter) ORDER BY a.id
            """
        ).map(Self.view)
    }

    static func view(_ c: PGConnection, _ id: Int) throws -> AssignmentView {
        try view(
            c.query(
                """
                SELECT id, batch_id, need_id, expert_id, enterprise_id, term_start::text, term_end::text, status,
                       agreement_ref, agreement_signed_on::text
                FROM assignment WHERE id = \(id)
                """)[0])
    }

    static func view(_ r: PGRow) throws -> AssignmentView {
        AssignmentView(
            id: try r.decode(0), batchID: try r.decode(1), needID: try r.decode(2), expertID: try r.decode(3),
            enterpriseID: try r.decode(4), termStart: try r.decode(5), termEnd: try r.decode(6),
            status: try r.decode(7),
            agreementRef: try r.decode(8), agreementSignedOn: try r.decode(9))
    }
}
