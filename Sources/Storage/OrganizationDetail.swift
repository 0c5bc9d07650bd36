import Domain
import Foundation
import LibPQ

/// An organization's full profile as its members and staff see it.
public struct OrganizationDetail: Sendable, Equatable, Codable {
    public var id: Int
    public var kind: String
    public var name: String
    public var identifierKind: String
    public var identifier: String
    public var countryCode: String?
    public var regionCode: String
    public var address: String
    public var summary: String
    public var foundedYear: Int?
    public var tracks: [String]
    public var qualifications: [String]
    public var contactName: String
    public var contactPhone: String
    public var contactEmail: String
    public var status: String
    public var mergedInto: Int?
    public var aliases: [String]

    enum CodingKeys: String, CodingKey {
        case id, kind, name, identifier, address, summary, tracks, qualifications, status, aliases
        case identifierKind = "identifier_kind"
        case countryCode = "country_code"
        case regionCode = "region_code"
        case foundedYear = "founded_year"
        case contactName = "contact_name"
        case contactPhone = "contact_phone"
        case contactEmail = "contact_email"
        case mergedInto = "merged_into"
    }

    static let columns = """
        o.id, o.kind, o.name, o.identifier_kind, o.identifier, o.country_code, o.region_code, o.address, o.summary,
        o.founded_year, o.tracks, o.qualifications, o.contact_name, o.contact_phone, o.contact_email, o.status,
        o.merged_into,
        coalesce((SELECT array_agg(alias ORDER BY alias) FROM organization_alias a WHERE a.organization_id = o.id),
                 '{}') AS aliases
        """

    init(row: PGRow) throws {
        id = try row.decode(0)
        kind = try row.decode(1)
        name = try row.decode(2)
        identifierKind = try row.decode(3)
        identifier = try row.decode(4)
        countryCode = try row.decode(5)
        regionCode = try row.decode(6)
        address = try row.decode(7)
        summary = try row.decode(8)
        foundedYear = try row.decode(9)
        tracks = try row.decode(10)
        qualifications = try row.decode(11)
        contactName = try row.decode(12)
        contactPhone = try row.decode(13)
        contactEmail = try row.decode(14)
        status = try row.decode(15)
        mergedInto = try row.decode(16)
        aliases = try row.decode(17)
    }

    public var isEnterprise: Bool { kind == "enterprise" }
}

/// The fields an organization may change about itself. The name and the identifier are fixed after
/// registration; staff correct them by merging or with aliases.
public struct OrganizationEdit: Sendable, Equatable, Decodable {
    public var regionCode: String
    public var address: String
    public var summary: String
    public var foundedYear: Int?
    public var tracks: [IndustryTrack]
    public var qualifications: [EnterpriseQualification]
    public var contact: ContactPerson

    enum CodingKeys: String, CodingKey {
        case address, summary, tracks, qualifications, contact
        case regionCode = "region_code"
        case foundedYear = "founded_year"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        regionCode = try c.decodeIfPresent(String.self, forKey: .regionCode) ?? ""
        address = try c.decodeIfPresent(String.self, forKey: .address) ?? ""
        summary = try c.decodeIfPresent(String.self, forKey: .summary) ?? ""
        foundedYear = try c.decodeIfPresent(Int.self, forKey: .foundedYear)
        tracks = try c.decodeIfPresent([IndustryTrack].self, forKey: .tracks) ?? []
        qualifications = try c.decodeIfPresent([EnterpriseQualification].self, forKey: .qualifications) ?? []
        contact =
            try c.decodeIfPresent(ContactPerson.self, forKey: .contact) ?? ContactPerson(name: "", phone: "", email: "")
    }
}
