import Domain
import Foundation
import LibPQ

extension OrganizationStore {
    /// One organization's profile: its own members and staff only (404 unknown, 403 others).
    public func detail(_ id: Int, by identity: Identity) async throws -> OrganizationDetail {
        guard identity.isProgramStaff || identity.organizationID == id else {
            throw StorageError.forbidden("只能查看本单位的资料")
        }
        let rows = try await pool.query(
            "SELECT \(unsafeRaw: OrganizationDetail.columns) FROM organization o WHERE o.id = \(id)")
        guard let row = rows.first else { throw StorageError.notFound(entity: "organization", id: String(id)) }
        return try OrganizationDetail(row: row)
    }

    /// Members (or staff) edit the profile. Validation is the registration's, with the fixed fields kept.
    public func updateProfile(
        _ id: Int, _ edit: OrganizationEdit, by identity: Identity, audit: AuditContext, today: LocalDate
    ) async throws -> OrganizationDetail {
        guard identity.isProgramStaff || (identity.organizationID == id && identity.role != .expert) else {
            throw StorageError.forbidden("只能修改本单位的资料")
        }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query(
                "SELECT \(unsafeRaw: OrganizationDetail.columns) FROM organization o WHERE o.id = \(id) FOR UPDATE")
            guard let row = rows.first else { throw StorageError.notFound(entity: "organization", id: String(id)) }
            let current = try OrganizationDetail(row: row)
            guard current.status != "merged" else { throw StorageError.forbidden("该机构已合并，请修改合并后的机构") }
            let kind = OrganizationIdentifierKind(rawValue: current.identifierKind) ?? .other
            let region: String
            let contact: ContactPerson
            var summary = "", founded: Int? = nil, tracks: [String] = [], qualifications: [String] = []
            if current.isEnterprise {
                let profile = EnterpriseProfile(
                    name: current.name, identifierKind: kind, identifier: current.identifier,
                    countryCode: current.countryCode, regionCode: edit.regionCode, address: edit.address,
                    tracks: edit.tracks, qualifications: edit.qualifications, foundedYear: edit.foundedYear,
                    summary: edit.summary, contact: edit.contact)
                var errors = profile.validate(today: today)
                if !edit.regionCode.isEmpty, !edit.regionCode.hasPrefix("22") {
                    errors.append(FieldError(field: "region_code", code: "out_of_province", message: "企业须为本省注册企业"))
                }
                if !errors.isEmpty { throw ValidationError(errors: errors) }
                let p = try profile.validated(today: today)
                (region, contact, summary, founded) = (p.regionCode, p.contact, p.summary, p.foundedYear)
                tracks = p.tracks.map(\.code)
                qualifications = p.qualifications.map(\.code)
            } else {
                let p = try UnitProfile(
                    name: current.name, kind: OrganizationKind(rawValue: current.kind) ?? .university,
                    identifierKind: kind, identifier: current.identifier, countryCode: current.countryCode,
                    regionCode: edit.regionCode, address: edit.address, contact: edit.contact
                ).validated()
                (region, contact) = (p.regionCode, p.contact)
                summary = String(edit.summary.prefix(2000))
            }
            try mappingConstraintErrors {
                try c.execute(
                    """
                    UPDATE organization SET region_code = \(region), address = \(edit.address), summary = \(summary),
                        founded_year = \(founded), tracks = \(tracks), qualifications = \(qualifications),
                        contact_name = \(contact.name), contact_phone = \(contact.phone), contact_email = \(contact.email),
                        updated_at = now()
                    WHERE id = \(id)
                    """)
            }
            return try OrganizationDetail(
                row: c.query("SELECT \(unsafeRaw: OrganizationDetail.columns) FROM organization o WHERE o.id = \(id)")[
                    0])
        }
    }

    /// Staff replace an organization's aliases (other names it is known by).
    public func setAliases(_ id: Int, _ aliases: [String], by identity: Identity, audit: AuditContext) async throws
        -> OrganizationDetail
    {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以维护机构别名") }
        var cleaned: [String] = []
        for (i, alias) in aliases.enumerated() {
            let a = TextNormalization.clean(alias)
            guard (2...200).contains(a.count) else {
                throw ValidationError(FieldError(field: "aliases[\(i)]", code: "length", message: "别名应为2–200个字符"))
            }
            if !cleaned.contains(a) { cleaned.append(a) }
        }
        let names = cleaned
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let rows = try c.query("SELECT status FROM organization WHERE id = \(id) FOR UPDATE")
            guard !rows.isEmpty else { throw StorageError.notFound(entity: "organization", id: String(id)) }
            try c.execute(
                "DELETE FROM organization_alias WHERE organization_id = \(id) AND NOT (alias = ANY(\(names)))")
            try c.execute(
                """
                INSERT INTO organization_alias (organization_id, alias)
                SELECT \(id), unnest(\(names)::text[]) ON CONFLICT DO NOTHING
                """)
            return try OrganizationDetail(
                row: c.query("SELECT \(unsafeRaw: OrganizationDetail.columns) FROM organization o WHERE o.id = \(id)")[
                    0])
        }
    }

    /// Staff merge a duplicate into the organization it duplicates, by hand: accounts, experts, needs, conflicts and
    /// cooperation records move to the survivor, the duplicate's name becomes an alias, and the duplicate keeps its
    /// row (status `merged`) for history.
    public func merge(_ duplicate: Int, into survivor: Int, reason: String?, by identity: Identity, audit: AuditContext)
        async throws -> OrganizationDetail
    {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以合并机构") }
        guard duplicate != survivor else {
            throw ValidationError(FieldError(field: "into", code: "same", message: "不能与自身合并"))
        }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            // Lock both rows in id order so two merges cannot deadlock.
            let rows = try c.query(
                """
                SELECT id, kind, status, name FROM organization WHERE id IN (\(duplicate), \(survivor))
                ORDER BY id FOR UPDATE
                """)
            guard let dup = try rows.first(where: { try $0.decode(0, as: Int.self) == duplicate }) else {
                throw StorageError.notFound(entity: "organization", id: String(duplicate))
            }
            guard let sur = try rows.first(where: { try $0.decode(0, as: Int.self) == survivor }) else {
                throw ValidationError(FieldError(field: "into", code: "not_found", message: "目标机构 \(survivor) 不存在"))
            }
            let dupIsEnterprise = try dup.decode(1, as: String.self) == "enterprise"
            let surIsEnterprise = try sur.decode(1, as: String.self) == "enterprise"
            guard dupIsEnterprise == surIsEnterprise else {
                throw ValidationError(FieldError(field: "into", code: "kind", message: "企业只能与企业合并，派出单位只能与派出单位合并"))
            }
            for (row, field) in [(dup, "id"), (sur, "into")] where try row.decode(2, as: String.self) == "merged" {
                throw ValidationError(FieldError(field: field, code: "merged", message: "该机构已被合并"))
            }
            try c.execute("UPDATE account SET organization_id = \(survivor) WHERE organization_id = \(duplicate)")
            try c.execute("UPDATE expert SET unit_id = \(survivor), updated_at = now() WHERE unit_id = \(duplicate)")
            try c.execute(
                "UPDATE need SET enterprise_id = \(survivor), updated_at = now() WHERE enterprise_id = \(duplicate)")
            for table in ["conflict", "cooperation"] {
                try c.execute("UPDATE \(unsafeRaw: table) SET unit_id = \(survivor) WHERE unit_id = \(duplicate)")
                try c.execute(
                    "UPDATE \(unsafeRaw: table) SET enterprise_id = \(survivor) WHERE enterprise_id = \(duplicate)")
            }
            try c.execute(
                """
                INSERT INTO organization_alias (organization_id, alias)
                SELECT \(survivor), alias FROM organization_alias WHERE organization_id = \(duplicate)
                UNION SELECT \(survivor), name FROM organization WHERE id = \(duplicate)
                EXCEPT SELECT \(survivor), name FROM organization WHERE id = \(survivor)
                ON CONFLICT DO NOTHING
                """)
            let from = try dup.decode(2, as: String.self)
            try c.execute(
                "UPDATE organization SET status = 'merged', merged_into = \(survivor), updated_at = now() WHERE id = \(duplicate)"
            )
            try c.execute(
                """
                INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason)
                VALUES ('organization', \(duplicate), \(from), 'merged', \(identity.accountID),
                        \(reason ?? "合并至机构 \(survivor)"))
                """)
            return try OrganizationDetail(
                row: c.query(
                    "SELECT \(unsafeRaw: OrganizationDetail.columns) FROM organization o WHERE o.id = \(survivor)")[0])
        }
    }

    /// Staff: organizations whose name or alias resembles this one's (trigram similarity), as merge candidates.
    /// Nothing is merged automatically.
    public func similar(to id: Int, by identity: Identity, limit: Int = 10) async throws -> [OrganizationSummary] {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以查看疑似重复机构") }
        let rows = try await pool.query("SELECT name, kind FROM organization WHERE id = \(id)")
        guard let row = rows.first else { throw StorageError.notFound(entity: "organization", id: String(id)) }
        let name = try row.decode(0, as: String.self)
        let enterprise = try row.decode(1, as: String.self) == "enterprise"
        return try await pool.query(
            """
            SELECT \(unsafeRaw: Self.summaryColumns) FROM organization o
            WHERE o.id <> \(id) AND o.status <> 'merged' AND (o.kind = 'enterprise') = \(enterprise)
              AND (similarity(o.name, \(name)) >= 0.35
                   OR EXISTS (SELECT 1 FROM organization_alias a WHERE a.organization_id = o.id
                              AND similarity(a.alias, \(name)) >= 0.35))
            ORDER BY similarity(o.name, \(name)) DESC, o.id LIMIT \(limit)
            """
        ).map(Self.summary)
    }
}

extension OrganizationStore {
    /// Regions to choose from (code, Chinese name): the home province's cities for enterprises, every region for units.
    public func regions(homeProvinceOnly: Bool) async throws -> [(code: String, name: String)] {
        try await pool.query(
            """
            SELECT code, name_zh FROM region
            WHERE NOT \(homeProvinceOnly) OR (home_province AND level = 'city')
            ORDER BY home_province DESC, code
            """
        ).map { (try $0.decode(0, as: String.self), try $0.decode(1, as: String.self)) }
    }
}
