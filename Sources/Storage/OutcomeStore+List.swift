import Domain
import LibPQ

/// An outcome in a list, with the names of the dispatch it belongs to.
public struct OutcomeListItem: Sendable, Equatable, Codable {
    public var id: Int
    public var assignmentID: Int
    public var kind: String
    public var kindLabel: String
    public var title: String
    public var achievedOn: String
    public var status: String
    public var statusReason: String?
    public var expertName: String
    public var enterpriseName: String
    public var trainedCount: Int?
    public var contractValue: Double?
    public var evidenceFilename: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, title, status
        case assignmentID = "assignment_id"
        case kindLabel = "kind_label"
        case achievedOn = "achieved_on"
        case statusReason = "status_reason"
        case expertName = "expert_name"
        case enterpriseName = "enterprise_name"
        case trainedCount = "trained_count"
        case contractValue = "contract_value"
        case evidenceFilename = "evidence_filename"
    }
}

/// An evidence file as downloaded.
public struct EvidenceFile: Sendable {
    public var filename: String
    public var contentType: String
    public var sha256: String
    public var bytes: [UInt8]
}

extension OutcomeStore {
    /// Outcomes in the caller's scope, newest first, optionally of one status or one assignment; keyset-paged by
    /// `before` (an outcome id) and at most `limit` (1…500) rows.
    public func list(
        by identity: Identity, status: String? = nil, assignment: Int? = nil, limit: Int = 100, before: Int? = nil
    ) async throws -> [OutcomeListItem] {
        if let status, !["reported", "verified", "rejected"].contains(status) {
            throw ValidationError(
                FieldError(field: "status", code: "invalid", message: "状态应为 reported、verified 或 rejected"))
        }
        guard (1...500).contains(limit) else {
            throw ValidationError(FieldError(field: "limit", code: "out_of_range", message: "每页条数应为1–500"))
        }
        return try await pool.query(
            """
            SELECT o.id, o.assignment_id, o.kind, o.title, o.achieved_on::text, o.status, o.status_reason, e.name,
                   ent.name, o.trained_count, o.contract_value::float8,
                   (SELECT filename FROM outcome_evidence v WHERE v.outcome_id = o.id ORDER BY v.id LIMIT 1)
            FROM outcome o JOIN assignment a ON a.id = o.assignment_id JOIN expert e ON e.id = a.expert_id
            JOIN organization ent ON ent.id = a.enterprise_id
            WHERE \(unsafeRaw: identity.dispatchScope())
              AND (\(status)::text IS NULL OR o.status = \(status))
              AND (\(assignment)::int8 IS NULL OR o.assignment_id = \(assignment))
              AND (\(before)::int8 IS NULL OR o.id < \(before))
            ORDER BY o.id DESC LIMIT \(limit)
            """
        ).map { r in
            let kind = try r.decode(2, as: String.self)
            return OutcomeListItem(
                id: try r.decode(0), assignmentID: try r.decode(1), kind: kind,
                kindLabel: OutcomeKind(rawValue: kind)?.label ?? kind, title: try r.decode(3),
                achievedOn: try r.decode(4), status: try r.decode(5), statusReason: try r.decode(6),
                expertName: try r.decode(7), enterpriseName: try r.decode(8), trainedCount: try r.decode(9),
                contractValue: try r.decode(10), evidenceFilename: try r.decode(11))
        }
    }

    /// How many outcomes of `status` are in the caller's scope (the staff dashboard's verification queue).
    public func count(status: String, by identity: Identity) async throws -> Int {
        // Staff count the outcome index alone (every outcome has an assignment and every assignment an expert).
        if identity.isProgramStaff {
            return try await pool.query("SELECT count(*) FROM outcome WHERE status = \(status)").scalar(Int.self)
        }
        return try await pool.query(
            """
            SELECT count(*) FROM outcome o JOIN assignment a ON a.id = o.assignment_id JOIN expert e ON e.id = a.expert_id
            WHERE o.status = \(status) AND \(unsafeRaw: identity.dispatchScope())
            """
        ).scalar(Int.self)
    }

    /// The evidence file of an outcome, for anyone who may see the outcome's dispatch.
    public func evidence(outcome: Int, by identity: Identity) async throws -> EvidenceFile {
        let rows = try await pool.query(
            """
            SELECT v.filename, v.content_type, v.sha256, v.content
            FROM outcome_evidence v JOIN outcome o ON o.id = v.outcome_id JOIN assignment a ON a.id = o.assignment_id
            JOIN expert e ON e.id = a.expert_id
            WHERE v.outcome_id = \(outcome) AND \(unsafeRaw: identity.dispatchScope())
            ORDER BY v.id LIMIT 1
            """)
        guard let r = rows.first else { throw StorageError.notFound(entity: "outcome", id: String(outcome)) }
        return EvidenceFile(
            filename: try r.decode(0), contentType: try r.decode(1), sha256: try r.decode(2),
            bytes: try r.decode(3, as: PGBytes.self).bytes)
    }
}
