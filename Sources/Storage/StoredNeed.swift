import Domain
import Foundation
import LibPQ

/// A need as stored: the enterprise's draft plus its identity and lifecycle state.
public struct StoredNeed: Sendable, Equatable {
    public var id: Int
    public var enterpriseID: Int
    public var status: NeedStatus
    public var statusReason: String?
    public var preferredExpertID: Int?
    public var draft: NeedDraft
    public var createdAt: Date
    public var updatedAt: Date

    static let columns = """
        id, enterprise_id, status, status_reason, preferred_expert_id, title, description, technical_targets, tracks,
        disciplines, keywords, budget, deadline, confidential, accepts_out_of_province, expected_outcomes,
        ip_arrangement, experts_needed, created_at, updated_at
        """

    init(row: PGRow) throws {
        func vocab<V: Vocabulary>(_ text: String, _ type: V.Type) throws -> V {
            guard let v = V.parse(text) else { throw PGError(.decoding, message: "unknown \(V.self) code \(text)") }
            return v
        }
        id = try row.decode("id")
        enterpriseID = try row.decode("enterprise_id")
        status = try vocab(try row.decode("status", as: String.self), NeedStatus.self)
        statusReason = try row.decode("status_reason")
        preferredExpertID = try row.decode("preferred_expert_id")
        draft = NeedDraft(
            title: try row.decode("title"), description: try row.decode("description"),
            technicalTargets: try row.decode("technical_targets"),
            tracks: try row.decode("tracks", as: [String].self).map { try vocab($0, IndustryTrack.self) },
            disciplineCodes: try row.decode("disciplines"), keywords: try row.decode("keywords"),
            budget: try row.decode("budget"),
            deadline: try row.decode("deadline", as: PGDate?.self).flatMap { LocalDate($0.description) },
            confidential: try row.decode("confidential"),
            acceptsOutOfProvince: try row.decode("accepts_out_of_province"),
            expectedOutcomes: try row.decode("expected_outcomes", as: [String].self).map {
                try vocab($0, ExpectedOutcome.self)
            },
            ipArrangement: try row.decode("ip_arrangement", as: String?.self).map { try vocab($0, IPArrangement.self) },
            expertsNeeded: try row.decode("experts_needed"), preferredExpertID: try row.decode("preferred_expert_id"))
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}
