import Domain
import Foundation
import Hummingbird
import Storage

/// A need as the API returns it: identity and state, then the draft's own fields (snake_case).
struct NeedResponse: ResponseEncodable {
    var need: StoredNeed

    init(_ need: StoredNeed) { self.need = need }

    enum Keys: String, CodingKey {
        case id, status
        case enterpriseID = "enterprise_id"
        case statusLabel = "status_label"
        case statusReason = "status_reason"
        case preferredExpertID = "preferred_expert_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(need.id, forKey: .id)
        try c.encode(need.enterpriseID, forKey: .enterpriseID)
        try c.encode(need.status.code, forKey: .status)
        try c.encode(need.status.label, forKey: .statusLabel)
        try c.encode(need.statusReason, forKey: .statusReason)
        try c.encode(need.preferredExpertID, forKey: .preferredExpertID)
        try c.encode(need.createdAt.formatted(.iso8601), forKey: .createdAt)
        try c.encode(need.updatedAt.formatted(.iso8601), forKey: .updatedAt)
        try need.draft.encode(to: encoder)
    }
}

/// A page of needs.
struct NeedListResponse: ResponseEncodable {
    var items: [NeedResponse]
}

/// A need's recorded lifecycle transitions.
struct TransitionListResponse: ResponseEncodable {
    struct Item: Encodable {
        var from: String
        var to: String
        var actorID: Int?
        var reason: String?
        var at: Date

        enum CodingKeys: String, CodingKey {
            case from, to, reason, at
            case actorID = "actor_id"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(actorID, forKey: .actorID)
            try c.encode(reason, forKey: .reason)
            try c.encode(at.formatted(.iso8601), forKey: .at)
        }
    }
    var items: [Item]
}
