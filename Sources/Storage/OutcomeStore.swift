import Auth
import Crypto
import Domain
import Foundation
import LibPQ

/// An outcome as reported (input).
public struct OutcomeReport: Sendable, Decodable {
    public struct Evidence: Sendable, Decodable {
        public var filename: String
        public var contentType: String
        /// The file, base64-encoded.
        public var data: String
        enum CodingKeys: String, CodingKey {
            case filename, data
            case contentType = "content_type"
        }
    }

    public var kind: OutcomeKind
    public var title: String
    public var description: String?
    public var achievedOn: LocalDate
    public var trainedCount: Int?
    public var trainedNames: [String]?
    public var contractType: ContractType?
    public var contractValue: Decimal?
    public var amountReceived: Decimal?
    public var registryNumber: String?
    public var patentNumber: String?
    public var evidence: Evidence

    enum CodingKeys: String, CodingKey {
        case kind, title, description, evidence
        case achievedOn = "achieved_on"
        case trainedCount = "trained_count"
        case trainedNames = "trained_names"
        case contractType = "contract_type"
        case contractValue = "contract_value"
        case amountReceived = "amount_received"
        case registryNumber = "registry_number"
        case patentNumber = "patent_number"
    }
}

/// An outcome as listed.
public struct OutcomeView: Sendable, Equatable, Codable {
    public var id: Int
    public var assignmentID: Int
    public var kind: String
    public var title: String
    public var achievedOn: String
    public var status: String
    public var statusReason: String?
    public var evidenceSHA256: String?
    public var evidenceSize: Int?

    enum CodingKeys: String, CodingKey {
        case id, kind, title, status
        case assignmentID = "assignment_id"
        case achievedOn = "achieved_on"
        case statusReason = "status_reason"
        case evidenceSHA256 = "evidence_sha256"
        case evidenceSize = "evidence_size"
    }
}

/// Outcomes of dispatches: reported with an evidence file in one transaction, verified or rejected by staff.
public struct OutcomeStore: Sendable {
    let pool: PGPool
    public static let maxEvidenceBytes = 1_048_576
    public static let maxAmount: Decimal = 999_999_999_999
    public static let allowedTypes: Set<String> = [
        "application/pdf", "image/jpeg", "image/png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]

    public init(pool: PGPool) { self.pool = pool }

    /// The commissioner of the assignment or its enterprise reports an outcome; the evidence is checked (type,
    /// size, content) and stored with its SHA-256 in the same transaction, so there is never a record without it.
    public func report(
        _ r: OutcomeReport, assignment: Int, by identity: Identity, audit: AuditContext, today: LocalDate
    )
        async throws -> OutcomeView
    {
        var errors: [FieldError] = []
        func bad(_ f: String, _ m: String) { errors.append(FieldError(field: f, code: "invalid", message: m)) }
        if !(2...300).contains(r.title.trimmingCharacters(in: .whitespaces).count) { bad("title", "请填写成果名称（2–300字）") }
        if r.achievedOn > today { bad("achieved_on", "取得日期不能晚于今天") }
        if r.kind == .staffTrained, (r.trainedCount ?? 0) < 1 {
            bad("trained_count", "请填写培养人数")
        } else if let n = r.trainedCount, n > Int(Int32.max) {
            bad("trained_count", "培养人数超出范围")
        }
        if r.kind == .contract {
            if r.contractType == nil { bad("contract_type", "请选择技术合同类型") }
            if (r.contractValue ?? -1) < 0 { bad("contract_value", "请填写合同金额") }
            if let a = r.amountReceived, let v = r.contractValue, a > v { bad("amount_received", "到账金额不能超过合同金额") }
        }
        // The amounts are numeric(14, 2) columns.
        if let v = r.contractValue, v > Self.maxAmount { bad("contract_value", "合同金额不能超过\(Self.maxAmount)元") }
        if let a = r.amountReceived, a > Self.maxAmount { bad("amount_received", "到账金额不能超过\(Self.maxAmount)元") }
        let bytes = Data(base64Encoded: r.evidence.data) ?? Data()
        if bytes.isEmpty { bad("evidence.data", "请上传佐证材料（base64 编码）") }
        if bytes.count > Self.maxEvidenceBytes { bad("evidence.data", "佐证材料不能超过1 MB") }
        if !Self.allowedTypes.contains(r.evidence.contentType) {
            bad("evidence.content_type", "佐证材料仅限 PDF、JPEG、PNG 或 Word（docx）")
        } else if !Self.looksLike(r.evidence.contentType, bytes) {
            bad("evidence.data", "文件内容与类型 \(r.evidence.contentType) 不符")
        }
        if !(1...200).contains(r.evidence.filename.count) { bad("evidence.filename", "文件名不正确") }
        let digest = Self.sha256Hex(Array(bytes))
        let invalid = errors
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query(
                "SELECT expert_id, enterprise_id, term_start::text FROM assignment WHERE id = \(assignment)")
            guard let row = rows.first else {
                throw StorageError.notFound(entity: "assignment", id: String(assignment))
            }
            let expert = try row.decode(0, as: Int.self)
            let enterprise = try row.decode(1, as: Int.self)
            let ownExpert = identity.role == .expert && identity.expertID == expert
            let ownEnterprise = identity.role == .enterprise && identity.organizationID == enterprise
            guard ownExpert || ownEnterprise else { throw StorageError.forbidden("只有该科创专员或服务企业可以填报成效") }
            // Checked after who may report, so an outsider learns nothing from validation messages.
            var all = invalid
            if let start = LocalDate(try row.decode(2, as: String.self)), r.achievedOn < start {
                all.append(FieldError(field: "achieved_on", code: "before_term", message: "取得日期不能早于服务期开始（\(start)）"))
            }
            if !all.isEmpty { throw ValidationError(errors: all) }
            let id = try c.query(
                """
                INSERT INTO outcome (assignment_id, kind, title, description, achieved_on, trained_count, trained_names,
                    contract_type, contract_value, amount_received, registry_number, patent_number, reported_by)
                VALUES (\(assignment), \(r.kind.code), \(r.title), \(r.description ?? ""), \(PGDate(r.achievedOn.description)),
                    \(r.trainedCount), \(r.trainedNames ?? []), \(r.contractType?.code), \(r.contractValue), \(r.amountReceived),
                    \(r.registryNumber), \(r.patentNumber), \(identity.accountID))
                RETURNING id
                """
            ).scalar(Int.self)
            try c.execute(
                """
                INSERT INTO outcome_evidence (outcome_id, filename, content_type, size_bytes, sha256, content)
                VALUES (\(id), \(r.evidence.filename), \(r.evidence.contentType), \(bytes.count), \(digest),
                        \(PGBytes(Array(bytes))))
                """)
            return try Self.view(c, id)
        }
    }

    /// Staff verify (counted from then on) or reject (with a reason) a reported outcome.
    public func review(_ id: Int, verify: Bool, reason: String?, by identity: Identity, audit: AuditContext)
        async throws -> OutcomeView
    {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以核实成效") }
        if !verify && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(FieldError(field: "reason", code: "required", message: "请填写不予认定的原因"))
        }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query("SELECT status FROM outcome WHERE id = \(id) FOR UPDATE")
            guard let row = rows.first else { throw StorageError.notFound(entity: "outcome", id: String(id)) }
            guard try row.decode(0, as: String.self) == "reported" else { throw StorageError.conflict("该成效已核实或已驳回") }
            try c.execute(
                """
                UPDATE outcome SET status = \(verify ? "verified" : "rejected"), status_reason = \(reason),
                    verified_by = \(identity.accountID), verified_at = now()
                WHERE id = \(id)
                """)
            return try Self.view(c, id)
        }
    }

    /// The SHA-256 of a file as 64 lowercase hex digits, as stored with the evidence.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hex.sha256(bytes)
    }

    /// Magic numbers of the allowed types (a renamed executable is refused).
    static func looksLike(_ type: String, _ b: Data) -> Bool {
        let head = [UInt8](b.prefix(8))
        switch type {
        case "application/pdf": return head.starts(with: [0x25, 0x50, 0x44, 0x46])
        case "image/png": return head.starts(with: [0x89, 0x50, 0x4E, 0x47])
        case "image/jpeg": return head.starts(with: [0xFF, 0xD8, 0xFF])
        default: return head.starts(with: [0x50, 0x4B, 0x03, 0x04])  // docx is a zip
        }
    }

    static func view(_ c: PGConnection, _ id: Int) throws -> OutcomeView {
        let r = try c.query(
            """
            SELECT o.id, o.assignment_id, o.kind, o.title, o.achieved_on::text, o.status, o.status_reason,
                   (SELECT sha256 FROM outcome_evidence e WHERE e.outcome_id = o.id ORDER BY e.id LIMIT 1),
                   (SELECT size_bytes FROM outcome_evidence e WHERE e.outcome_id = o.id ORDER BY e.id LIMIT 1)
            FROM outcome o WHERE o.id = \(id)
            """)[0]
        return OutcomeView(
            id: try r.decode(0), assignmentID: try r.decode(1), kind: try r.decode(2), title: try r.decode(3),
            achievedOn: try r.decode(4), status: try r.decode(5), statusReason: try r.decode(6),
            evidenceSHA256: try r.decode(7), evidenceSize: try r.decode(8))
    }
}
