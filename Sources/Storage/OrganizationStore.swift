import Auth
import Domain
import Foundation
import LibPQ

/// Organization registration (with its first account) and the program office's approval.
public struct OrganizationStore: Sendable {
    let pool: PGPool
    let hasher: PasswordHasher

    public init(pool: PGPool, hasher: PasswordHasher = PasswordHasher()) {
        self.pool = pool
        self.hasher = hasher
    }

    /// The first account of a newly registered organization.
    public struct FirstAccount: Sendable {
        public var username: String
        public var password: String
        public var displayName: String

        public init(username: String, password: String, displayName: String) {
            self.username = username
            self.password = password
            self.displayName = displayName
        }

        func validate() -> [FieldError] {
            var errors: [FieldError] = []
            if username.range(of: #"^[A-Za-z0-9._@-]{3,64}$"#, options: .regularExpression) == nil {
                errors.append(
                    FieldError(field: "username", code: "invalid", message: "用户名为3–64位字母、数字或 . _ @ -"))
            }
            if password.count < 10 || password.count > 200 {
                errors.append(FieldError(field: "password", code: "too_short", message: "密码至少10位"))
            }
            return errors
        }
    }

    /// What registration created.
    public struct Registration: Sendable, Equatable {
        public var organizationID: Int
        public var accountID: Int
    }

    /// Registers an enterprise (pending approval) and its first `enterprise` account.
    public func register(_ enterprise: EnterpriseProfile, account: FirstAccount, today: LocalDate) async throws
        -> Registration
    {
        var errors = enterprise.validate(today: today) + account.validate()
        if enterprise.identifierKind != .uscc {
            errors.append(FieldError(field: "identifier_kind", code: "invalid", message: "企业须使用统一社会信用代码注册"))
        }
        if !enterprise.regionCode.hasPrefix("22") {
            errors.append(FieldError(field: "region_code", code: "out_of_province", message: "企业须为本省注册企业"))
        }
        guard errors.isEmpty else { throw ValidationError(errors: errors) }
        let p = try enterprise.validated(today: today)
        return try await insert(
            kind: "enterprise", name: p.name, identifierKind: p.identifierKind.rawValue, identifier: p.identifier,
            country: p.countryCode, region: p.regionCode, address: p.address, summary: p.summary,
            founded: p.foundedYear, tracks: p.tracks.map(\.code), qualifications: p.qualifications.map(\.code),
            contact: p.contact, role: "enterprise", account: account)
    }

    /// Registers a dispatching unit (pending approval) and its first `unit_admin` account.
    public func register(_ unit: UnitProfile, account: FirstAccount) async throws -> Registration {
        var errors = unit.validate() + account.validate()
        if unit.kind == .enterprise {
            errors.append(FieldError(field: "kind", code: "invalid", message: "派出单位类型应为高校、科研院所或新型研发机构"))
        }
        guard errors.isEmpty else { throw ValidationError(errors: errors) }
        let p = try unit.validated()
        return try await insert(
            kind: p.kind.code, name: p.name, identifierKind: p.identifierKind.rawValue, identifier: p.identifier,
            country: p.countryCode, region: p.regionCode, address: p.address, summary: "", founded: nil, tracks: [],
            qualifications: [], contact: p.contact, role: "unit_admin", account: account)
    }

    private func insert(
        kind: String, name: String, identifierKind: String, identifier: String, country: String?, region: String,
        address: String, summary: String, founded: Int?, tracks: [String], qualifications: [String],
        contact: ContactPerson, role: String, account: FirstAccount
    ) async throws -> Registration {
        let hash = try hasher.hash(account.password)
        return try await pool.withTransaction { c in
            try c.setAudit(.system)
            return try mappingConstraintErrors {
                let org = try c.query(
                    """
                    INSERT INTO organization (kind, name, identifier_kind, identifier, country_code, region_code, address,
                        summary, founded_year, tracks, qualifications, contact_name, contact_phone, contact_email)
                    VALUES (\(kind), \(name), \(identifierKind), \(identifier), \(country), \(region), \(address),
                        \(summary), \(founded), \(tracks), \(qualifications), \(contact.name), \(contact.phone),
                        \(contact.email))
                    RETURNING id
                    """
                ).scalar(Int.self)
                let acct = try c.query(
                    """
                    INSERT INTO account (username, display_name, role, organization_id, password_hash)
                    VALUES (\(account.username), \(account.displayName), \(role), \(org), \(hash)) RETURNING id
                    """
                ).scalar(Int.self)
                return Registration(organizationID: org, accountID: acct)
            }
        }
    }
}
