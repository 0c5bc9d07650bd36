import Domain
import Foundation
import LibPQ

/// Bulk import of needs from CSV. An enterprise imports drafts for itself; staff import needs collected offline
/// for any approved enterprise (found by USCC, else by exact name), which go straight to the screening queue.
public struct NeedImporter: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    public func run(_ bytes: [UInt8], mode: ImportMode, by identity: Identity, audit: AuditContext, today: LocalDate)
        async throws -> ImportResult
    {
        guard identity.role == .enterprise || identity.isProgramStaff else {
            throw StorageError.forbidden("只有企业用户或项目办工作人员可以批量导入需求")
        }
        let report = try ImportRunner.read { try NeedImportRow.read(bytes: bytes, today: today) }
        let status = identity.isProgramStaff ? "submitted" : "draft"
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let enterprises = try Self.enterprises(c, for: identity)
            let known = try Self.existingTitles(
                c, enterprises: Array(Set(enterprises.byName.values).union(enterprises.byUSCC.values)))
            return try ImportRunner.load(
                c, mode: mode, report: report,
                resolve: { item in
                    item.enterpriseUSCC.flatMap { enterprises.byUSCC[$0.value] }
                        ?? enterprises.byName[ExpertImporter.key(item.enterpriseName)]
                },
                unresolved: { item in
                    ImportIssue(
                        row: item.row, line: item.row, field: "enterprise_name",
                        code: identity.isProgramStaff ? "unknown_enterprise" : "other_enterprise",
                        message: identity.isProgramStaff
                            ? "未找到已审核的企业“\(item.enterpriseName)”" : "只能导入本企业的需求")
                },
                existing: { item, enterprise in
                    guard let id = known[Self.titleKey(enterprise, item.draft.title)] else { return nil }
                    return ImportIssue(
                        row: item.row, line: item.row, field: "title", code: "duplicate_existing",
                        message: "与本企业已有需求（编号 \(id)）同名")
                },
                copy: """
                    COPY need (enterprise_id, title, description, technical_targets, tracks, disciplines, keywords, budget,
                               ip_arrangement, expected_outcomes, deadline, confidential, accepts_out_of_province,
                               experts_needed, status)
                    FROM STDIN
                    """,
                fields: { item, enterprise in
                    let d = item.draft
                    return [
                        String(enterprise), d.title, d.description, d.technicalTargets, d.tracks.map(\.code).pgText,
                        d.disciplineCodes.pgText, d.keywords.pgText, d.budget.map { "\($0)" }, d.ipArrangement?.code,
                        d.expectedOutcomes.map(\.code).pgText, d.deadline?.description, d.confidential ? "t" : "f",
                        d.acceptsOutOfProvince ? "t" : "f", String(d.expertsNeeded), status,
                    ]
                })
        }
    }

    /// The live (not withdrawn) needs of these enterprises, by enterprise and normalised title.
    static func existingTitles(_ c: PGConnection, enterprises: [Int]) throws -> [String: Int] {
        var known: [String: Int] = [:]
        for row in try c.query(
            "SELECT id, enterprise_id, title FROM need WHERE enterprise_id = ANY(\(enterprises)) AND status <> 'withdrawn'"
        ) {
            known[titleKey(try row.decode(1), try row.decode(2))] = try row.decode(0, as: Int.self)
        }
        return known
    }

    static func titleKey(_ enterprise: Int, _ title: String) -> String {
        "\(enterprise)|\(TextNormalization.compact(title).lowercased())"
    }

    /// The enterprises rows may name: the caller's own, or every approved one for staff.
    static func enterprises(_ c: PGConnection, for identity: Identity) throws -> (
        byUSCC: [String: Int], byName: [String: Int]
    ) {
        let own = identity.isProgramStaff ? nil : (identity.organizationID ?? -1)
        let rows = try c.query(
            """
            SELECT id, identifier, name FROM organization
            WHERE kind = 'enterprise' AND status = 'approved' AND (\(own)::int8 IS NULL OR id = \(own))
            """)
        var byUSCC: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for row in rows {
            let id = try row.decode(0, as: Int.self)
            byUSCC[try row.decode(1, as: String.self)] = id
            byName[ExpertImporter.key(try row.decode(2, as: String.self))] = id
        }
        // Other names staff recorded for these enterprises (never overriding a real name).
        let ids = Array(Set(byUSCC.values))
        for row in try c.query(
            "SELECT organization_id, alias FROM organization_alias WHERE organization_id = ANY(\(ids))")
        {
            let key = ExpertImporter.key(try row.decode(1, as: String.self))
            if byName[key] == nil { byName[key] = try row.decode(0, as: Int.self) }
        }
        return (byUSCC, byName)
    }
}
