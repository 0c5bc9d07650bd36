import Auth
import DemoData
import Domain
import Foundation
import LibPQ
import Storage

/// Writes a generated `DemoDataSet` into an empty database in one transaction, mapping demo ids to row ids.
struct DemoDataLoader {
    let data: DemoDataSet
    let hasher: PasswordHasher

    struct Counts: Sendable {
        var organizations = 0
        var experts = 0
        var needs = 0
        var conflicts = 0
        var cooperations = 0
        var accounts = 0
    }

    func load(_ c: PGConnection) throws -> Counts {
        try c.setAudit(.system)
        var counts = Counts()
        var org: [String: Int] = [:]
        for u in data.units {
            let p = u.profile
            org[u.id] = try insertOrganization(
                c, kind: p.kind.code, name: p.name, identifierKind: p.identifierKind.rawValue, identifier: p.identifier,
                country: p.countryCode, region: p.regionCode, address: p.address, summary: "", founded: nil,
                tracks: u.strengths.map(\.code), qualifications: [], contact: p.contact)
        }
        for e in data.enterprises {
            let p = e.profile
            org[e.id] = try insertOrganization(
                c, kind: "enterprise", name: p.name, identifierKind: p.identifierKind.rawValue,
                identifier: p.identifier, country: p.countryCode, region: e.cityCode, address: p.address,
                summary: p.summary, founded: p.foundedYear, tracks: p.tracks.map(\.code),
                qualifications: p.qualifications.map(\.code), contact: p.contact)
        }
        counts.organizations = org.count
        var expert: [String: Int] = [:]
        for x in data.experts {
            expert[x.id] = try insertExpert(c, x, unit: org[x.unitId]!)
        }
        counts.experts = expert.count
        for (n, need) in data.needs.enumerated() {
            let d = need.draft
            // A few needs stay in the screening queue so staff have something to screen.
            let status = n % 25 == 0 ? "submitted" : "open"
            try c.execute(
                """
                INSERT INTO need (enterprise_id, title, description, technical_targets, tracks, disciplines, keywords,
                    budget, ip_arrangement, expected_outcomes, deadline, confidential, accepts_out_of_province,
                    preferred_expert_id, experts_needed, status)
                VALUES (\(org[need.enterpriseId]!), \(d.title), \(d.description), \(d.technicalTargets),
                    \(d.tracks.map(\.code)), \(d.disciplineCodes), \(d.keywords), \(d.budget), \(d.ipArrangement?.code),
                    \(d.expectedOutcomes.map(\.code)), \(d.deadline.flatMap { PGDate($0.description) }), \(d.confidential),
                    \(d.acceptsOutOfProvince), \(need.preferredExpertId.flatMap { expert[$0] }), \(d.expertsNeeded),
                    \(status))
                """)
            counts.needs += 1
        }
        for k in data.conflicts {
            try c.execute(
                """
                INSERT INTO conflict (expert_id, unit_id, enterprise_id, kind, note, source)
                VALUES (\(k.expertId.flatMap { expert[$0] }), \(k.unitId.flatMap { org[$0] }), \(org[k.enterpriseId]!),
                        \(k.kind.code), \(k.note), 'import')
                """)
            counts.conflicts += 1
        }
        for k in data.cooperations {
            try c.execute(
                """
                INSERT INTO cooperation (expert_id, unit_id, enterprise_id, year, note)
                VALUES (\(k.expertId.flatMap { expert[$0] }), \(k.unitId.flatMap { org[$0] }), \(org[k.enterpriseId]!),
                        \(k.year), \(k.title))
                """)
            counts.cooperations += 1
        }
        for a in data.accounts {
            let orgID = a.enterpriseId.flatMap { org[$0] } ?? a.unitId.flatMap { org[$0] }
            try c.execute(
                """
                INSERT INTO account (username, display_name, role, organization_id, expert_id, password_hash)
                VALUES (\(a.username), \(a.displayName), \(a.role.code), \(orgID), \(a.expertId.flatMap { expert[$0] }),
                        \(try hasher.hash(a.password)))
                """)
            counts.accounts += 1
        }
        return counts
    }

    private func insertOrganization(
        _ c: PGConnection, kind: String, name: String, identifierKind: String, identifier: String, country: String?,
        region: String, address: String, summary: String, founded: Int?, tracks: [String], qualifications: [String],
        contact: ContactPerson
    ) throws -> Int {
        try c.query(
            """
            INSERT INTO organization (kind, name, identifier_kind, identifier, country_code, region_code, address, summary,
                founded_year, tracks, qualifications, contact_name, contact_phone, contact_email, status)
            VALUES (\(kind), \(name), \(identifierKind), \(identifier), \(country), \(region), \(address), \(summary),
                \(founded), \(tracks), \(qualifications), \(contact.name), \(contact.phone), \(contact.email), 'approved')
            RETURNING id
            """
        ).scalar(Int.self)
    }

    private func insertExpert(_ c: PGConnection, _ x: DemoExpert, unit: Int) throws -> Int {
        let p = x.profile
        let status =
            switch x.unitApproval {
            case .approved: "available"
            default: "registered"
            }
        return try c.query(
            """
            INSERT INTO expert (unit_id, name, degree, title_level, title_name, birth_year, disciplines, tracks, keywords,
                summary, achievements, patents, management_post, talent_enclave, integrity_record_year, capacity,
                available_from, available_to, phone, email, status)
            VALUES (\(unit), \(p.name), \(p.degree?.code), \(p.titleLevel?.code), \(p.titleName), \(p.birthYear),
                \(p.disciplineCodes), \(p.tracks.map(\.code)), \(p.keywords), \(p.summary), \(x.achievements),
                \(x.patents), \(p.holdsManagementPost), \(x.talentEnclave), \(x.integrityRecordYear), \(x.capacity),
                \(PGDate(x.availableFrom.description)), \(PGDate(x.availableTo.description)), \(p.mobile), \(p.email),
                \(status))
            RETURNING id
            """
        ).scalar(Int.self)
    }
}
