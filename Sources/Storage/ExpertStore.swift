import Domain
import Foundation
import LibPQ

/// Expert profiles: created and approved by their unit, edited by the expert (which sends an approved profile
/// back to the unit), screened by staff. Contacts are shown only to staff, the own unit and the expert.
public struct ExpertStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    /// A unit admin adds an expert to their own (approved) unit.
    public func create(
        _ profile: ExpertProfile, _ extras: ExpertExtras, by identity: Identity, audit: AuditContext, today: LocalDate
    )
        async throws -> StoredExpert
    {
        guard identity.role == .unitAdmin, let unit = identity.organizationID else {
            throw StorageError.forbidden("只有派出单位管理员可以添加专家")
        }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            let org = try c.query("SELECT name, status FROM organization WHERE id = \(unit)")[0]
            guard try org.decode(1, as: String.self) == "approved" else {
                throw StorageError.forbidden("单位注册信息尚未通过审核，暂不能添加专家")
            }
            let (p, x) = try Self.validated(profile, extras, unitName: try org.decode(0), today: today)
            let id = try mappingConstraintErrors {
                try c.query(
                    """
                    INSERT INTO expert (unit_id, name, degree, title_level, title_name, birth_year, disciplines, tracks,
                        keywords, summary, phone, email, management_post, capacity, available_from, available_to,
                        achievements, patents, talent_enclave)
                    VALUES (\(unit), \(p.name), \(p.degree?.code), \(p.titleLevel?.code), \(p.titleName), \(p.birthYear),
                        \(p.disciplineCodes), \(p.tracks.map(\.code)), \(p.keywords), \(p.summary), \(p.mobile), \(p.email),
                        \(p.holdsManagementPost), \(x.capacity ?? 1), \(x.availableFrom.flatMap { PGDate($0.description) }),
                        \(x.availableTo.flatMap { PGDate($0.description) }), \(x.achievements ?? []), \(x.patents ?? []),
                        \(x.talentEnclave ?? false))
                    RETURNING id
                    """
                ).scalar(Int.self)
            }
            return try Self.locked(c, id)
        }
    }

    /// One expert; contacts are blanked for callers outside staff, the own unit and the expert.
    public func get(_ id: Int, by identity: Identity) async throws -> StoredExpert {
        let rows = try await pool.query(
            "SELECT \(unsafeRaw: StoredExpert.columns) FROM \(unsafeRaw: StoredExpert.from) WHERE e.id = \(id)")
        guard let row = rows.first else { throw StorageError.notFound(entity: "expert", id: String(id)) }
        var expert = try StoredExpert(row: row)
        if !Self.seesContacts(expert, identity) {
            expert.profile.mobile = ""
            expert.profile.email = ""
        }
        return expert
    }

    /// Staff see every expert; a unit admin sees their unit's.
    public func list(by identity: Identity, status: ExpertStatus? = nil, limit: Int = 100, offset: Int = 0) async throws
        -> [StoredExpert]
    {
        let statusCode = status?.code
        let unit: Int?
        switch identity.role {
        case .staff, .admin: unit = nil
        case .unitAdmin: unit = identity.organizationID ?? -1
        default: throw StorageError.forbidden("无权查看专家列表")
        }
        return try await pool.query(
            """
            SELECT \(unsafeRaw: StoredExpert.columns) FROM \(unsafeRaw: StoredExpert.from)
            WHERE (\(unit)::int8 IS NULL OR e.unit_id = \(unit)) AND (\(statusCode)::text IS NULL OR e.status = \(statusCode))
            ORDER BY e.id LIMIT \(limit) OFFSET \(offset)
            """
        ).map { try StoredExpert(row: $0) }
    }

    /// The unit admin or the expert edits the profile; an approved profile goes back to the unit for approval.
    public func update(
        _ id: Int, _ profile: ExpertProfile, _ extras: ExpertExtras, by identity: Identity, audit: AuditContext,
        today: LocalDate
    )
        async throws -> StoredExpert
    {
        try await pool.withTransaction { c in
            try c.setAudit(audit)
            let current = try Self.locked(c, id)
            guard Self.mayEdit(current, identity) else { throw StorageError.forbidden("只能修改本单位的专家或本人的资料") }
            let (p, x) = try Self.validated(profile, extras, unitName: current.profile.unitName, today: today)
            let next = ExpertStatus.afterEdit(of: current.status)
            try mappingConstraintErrors {
                try c.execute(
                    """
                    UPDATE expert SET name = \(p.name), degree = \(p.degree?.code), title_level = \(p.titleLevel?.code),
                        title_name = \(p.titleName), birth_year = \(p.birthYear), disciplines = \(p.disciplineCodes),
                        tracks = \(p.tracks.map(\.code)), keywords = \(p.keywords), summary = \(p.summary),
                        phone = \(p.mobile), email = \(p.email), management_post = \(p.holdsManagementPost),
                        capacity = \(x.capacity ?? current.extras.capacity ?? 1),
                        available_from = \(x.availableFrom.flatMap { PGDate($0.description) }),
                        available_to = \(x.availableTo.flatMap { PGDate($0.description) }),
                        achievements = \(x.achievements ?? []), patents = \(x.patents ?? []),
                        talent_enclave = \(x.talentEnclave ?? false), status = \(next.code), updated_at = now()
                    WHERE id = \(id)
                    """)
            }
            if next != current.status {
                try Self.recordTransition(c, id, current.status, next, identity, reason: "资料修改后需重新审核")
            }
            return try Self.locked(c, id)
        }
    }

    static func validated(_ profile: ExpertProfile, _ extras: ExpertExtras, unitName: String, today: LocalDate) throws
        -> (ExpertProfile, ExpertExtras)
    {
        var p = profile
        p.unitName = unitName
        let errors = p.validate(today: today) + extras.validate()
        guard errors.isEmpty else { throw ValidationError(errors: errors) }
        return (try p.validated(today: today), extras)
    }

    static func locked(_ c: PGConnection, _ id: Int) throws -> StoredExpert {
        let rows = try c.query(
            "SELECT \(unsafeRaw: StoredExpert.columns) FROM \(unsafeRaw: StoredExpert.from) WHERE e.id = \(id) FOR UPDATE OF e"
        )
        guard let row = rows.first else { throw StorageError.notFound(entity: "expert", id: String(id)) }
        return try StoredExpert(row: row)
    }

    static func seesContacts(_ e: StoredExpert, _ i: Identity) -> Bool {
        i.isProgramStaff || (i.role == .unitAdmin && i.organizationID == e.unitID)
            || (i.role == .expert && i.expertID == e.id)
    }

    static func mayEdit(_ e: StoredExpert, _ i: Identity) -> Bool {
        (i.role == .unitAdmin && i.organizationID == e.unitID) || (i.role == .expert && i.expertID == e.id)
    }

    static func recordTransition(
        _ c: PGConnection, _ id: Int, _ from: ExpertStatus, _ to: ExpertStatus, _ identity: Identity, reason: String?
    ) throws {
        try c.execute(
            """
            INSERT INTO state_transition (entity, entity_id, from_status, to_status, actor_id, reason)
            VALUES ('expert', \(id), \(from.code), \(to.code), \(identity.accountID), \(reason))
            """)
    }
}
