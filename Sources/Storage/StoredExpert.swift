import Domain
import Foundation
import LibPQ

/// Facts about an expert that the shared `ExpertProfile` (also used by CSV import) does not carry.
public struct ExpertExtras: Sendable, Equatable, Codable {
    public var capacity: Int?
    public var availableFrom: LocalDate?
    public var availableTo: LocalDate?
    public var achievements: [String]?
    public var patents: [String]?
    public var talentEnclave: Bool?

    enum CodingKeys: String, CodingKey {
        case capacity, achievements, patents
        case availableFrom = "available_from"
        case availableTo = "available_to"
        case talentEnclave = "talent_enclave"
    }

    public init(
        capacity: Int? = nil, availableFrom: LocalDate? = nil, availableTo: LocalDate? = nil,
        achievements: [String]? = nil, patents: [String]? = nil, talentEnclave: Bool? = nil
    ) {
        self.capacity = capacity
        self.availableFrom = availableFrom
        self.availableTo = availableTo
        self.achievements = achievements
        self.patents = patents
        self.talentEnclave = talentEnclave
    }

    func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if let capacity, !(1...10).contains(capacity) {
            errors.append(FieldError(field: "capacity", code: "out_of_range", message: "同时服务企业数应为1–10"))
        }
        if let from = availableFrom, let to = availableTo, to < from {
            errors.append(FieldError(field: "available_to", code: "before_start", message: "可服务截止日期早于开始日期"))
        }
        return errors
    }
}

/// An expert as stored, with lifecycle state and unit.
public struct StoredExpert: Sendable, Equatable {
    public var id: Int
    public var unitID: Int
    public var status: ExpertStatus
    public var profile: ExpertProfile
    public var extras: ExpertExtras

    static let columns = """
        e.id, e.unit_id, e.status, e.name, o.name AS unit_name, e.degree, e.title_level, e.title_name, e.birth_year,
        e.disciplines, e.tracks, e.keywords, e.summary, e.phone, e.email, e.management_post, e.capacity,
        e.available_from, e.available_to, e.achievements, e.patents, e.talent_enclave
        """
    static let from = "expert e JOIN organization o ON o.id = e.unit_id"

    init(row: PGRow) throws {
        func vocab<V: Vocabulary>(_ text: String, _ type: V.Type) throws -> V {
            guard let v = V.parse(text) else { throw PGError(.decoding, message: "unknown \(V.self) code \(text)") }
            return v
        }
        func day(_ column: String) throws -> LocalDate? {
            try row.decode(column, as: PGDate?.self).flatMap { LocalDate($0.description) }
        }
        id = try row.decode("id")
        unitID = try row.decode("unit_id")
        status = try vocab(try row.decode("status", as: String.self), ExpertStatus.self)
        profile = ExpertProfile(
            name: try row.decode("name"), unitName: try row.decode("unit_name"),
            degree: try row.decode("degree", as: String?.self).map { try vocab($0, Degree.self) },
            titleLevel: try row.decode("title_level", as: String?.self).map { try vocab($0, TitleLevel.self) },
            titleName: try row.decode("title_name"), birthYear: try row.decode("birth_year"),
            disciplineCodes: try row.decode("disciplines"),
            tracks: try row.decode("tracks", as: [String].self).map { try vocab($0, IndustryTrack.self) },
            keywords: try row.decode("keywords"), summary: try row.decode("summary"), mobile: try row.decode("phone"),
            email: try row.decode("email"), holdsManagementPost: try row.decode("management_post"), regionCode: nil)
        extras = ExpertExtras(
            capacity: try row.decode("capacity"), availableFrom: try day("available_from"),
            availableTo: try day("available_to"), achievements: try row.decode("achievements"),
            patents: try row.decode("patents"), talentEnclave: try row.decode("talent_enclave"))
    }
}
