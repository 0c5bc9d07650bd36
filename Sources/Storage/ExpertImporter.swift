import Domain
import Foundation
import LibPQ

/// Bulk import of experts from CSV (UTF-8 with or without BOM, or GB18030): validate every row first, then load
/// with COPY, all rows or none (`all`), only the valid ones (`valid`), or nothing (`check`).
public struct ExpertImporter: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    public func run(_ bytes: [UInt8], mode: ImportMode, by identity: Identity, audit: AuditContext, today: LocalDate)
        async throws
        -> ImportResult
    {
        guard identity.role == .unitAdmin || identity.isProgramStaff else {
            throw StorageError.forbidden("只有派出单位管理员或项目办工作人员可以批量导入专家")
        }
        let report = try ImportRunner.read { try ExpertImportRow.read(bytes: bytes, today: today) }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let units = try Self.units(c, for: identity)
            let known = try Self.existingKeys(c, units: Array(Set(units.values)))
            return try ImportRunner.load(
                c, mode: mode, report: report, resolve: { units[Self.key($0.profile.unitName)] },
                unresolved: { item in
                    ImportIssue(
                        row: item.row, line: item.row, field: "unit_name",
                        code: identity.isProgramStaff ? "unknown_unit" : "other_unit",
                        message: identity.isProgramStaff
                            ? "未找到已审核的派出单位“\(item.profile.unitName)”" : "只能导入本单位的专家")
                },
                existing: { item, unit in
                    let p = item.profile
                    guard
                        let id = Self.keys(unit: unit, name: p.name, phone: p.mobile, email: p.email).lazy
                            .compactMap({ known[$0] }).first
                    else { return nil }
                    return ImportIssue(
                        row: item.row, line: item.row, field: "name", code: "duplicate_existing",
                        message: "与已有专家（编号 \(id)）重复：同一单位、同名，且手机或邮箱相同")
                },
                copy: """
                    COPY expert (unit_id, name, degree, title_level, title_name, birth_year, disciplines, tracks, keywords,
                                 summary, phone, email, management_post)
                    FROM STDIN
                    """,
                fields: { item, unit in
                    let p = item.profile
                    return [
                        String(unit), p.name, p.degree?.code, p.titleLevel?.code, p.titleName,
                        p.birthYear.map(String.init),
                        p.disciplineCodes.pgText, p.tracks.map(\.code).pgText, p.keywords.pgText, p.summary, p.mobile,
                        p.email, p.holdsManagementPost ? "t" : "f",
                    ]
                })
        }
    }

    /// Units a row may name: the caller's own for a unit admin; every approved dispatching unit (names and
    /// aliases) for staff.
    static func units(_ c: PGConnection, for identity: Identity) throws -> [String: Int] {
        let rows =
            identity.isProgramStaff
            ? try c.query(
                """
                SELECT o.id, o.name FROM organization o WHERE o.kind <> 'enterprise' AND o.status = 'approved'
                UNION ALL
                SELECT a.organization_id, a.alias FROM organization_alias a JOIN organization o ON o.id = a.organization_id
                WHERE o.kind <> 'enterprise' AND o.status = 'approved'
                """)
            : try c.query(
                """
                SELECT id, name FROM organization WHERE id = \(identity.organizationID ?? -1) AND status = 'approved'
                UNION ALL SELECT organization_id, alias FROM organization_alias WHERE organization_id = \(identity.organizationID ?? -1)
                """)
        var map: [String: Int] = [:]
        for row in rows { map[key(try row.decode(1, as: String.self))] = try row.decode(0, as: Int.self) }
        return map
    }

    /// The duplicate keys of the experts already in these units: unit, name, and phone or email.
    static func existingKeys(_ c: PGConnection, units: [Int]) throws -> [String: Int] {
        var known: [String: Int] = [:]
        for row in try c.query("SELECT id, unit_id, name, phone, email FROM expert WHERE unit_id = ANY(\(units))") {
            let id = try row.decode(0, as: Int.self)
            for k in keys(
                unit: try row.decode(1), name: try row.decode(2), phone: try row.decode(3), email: try row.decode(4))
            where known[k] == nil {
                known[k] = id
            }
        }
        return known
    }

    static func keys(unit: Int, name: String, phone: String, email: String) -> [String] {
        let who = "\(unit)|\(TextNormalization.compact(name).lowercased())"
        return [phone, email].map { TextNormalization.compact($0).lowercased() }.filter { !$0.isEmpty }
            .map { "\(who)|\($0)" }
    }

    static func key(_ name: String) -> String {
        name.filter { !$0.isWhitespace }.lowercased()
    }
}
