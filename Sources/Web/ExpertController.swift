import Domain
import Foundation
import Hummingbird
import Storage

/// `/api/v1/experts`: units add and approve their experts; experts edit their own profile; staff screen.
struct ExpertController {
    let experts: ExpertStore
    let today: @Sendable () -> LocalDate

    /// Request body: the profile fields and the extras, side by side in one JSON object.
    struct Body: Decodable {
        var profile: ExpertProfile
        var extras: ExpertExtras

        init(from decoder: any Decoder) throws {
            profile = try ExpertProfile(from: decoder)
            extras = try ExpertExtras(from: decoder)
        }
    }

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { request, context in
            let limit = try request.intQuery("limit", default: 50, range: 1...500)
            let offset = try request.intQuery("offset", default: 0, range: 0...1_000_000)
            let items = try await experts.list(by: try context.requireIdentity(), limit: limit, offset: offset)
            return ExpertListResponse(items: items.map(ExpertResponse.init))
        }
        routes.post { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(as: Body.self, context: context)
            let created = try await experts.create(
                body.profile, body.extras, by: identity, audit: context.audit(identity), today: today())
            return EditedResponse(status: .created, response: ExpertResponse(created))
        }
        routes.get(":id") { _, context in
            ExpertResponse(try await experts.get(try context.pathID(), by: try context.requireIdentity()))
        }
        routes.put(":id") { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(as: Body.self, context: context)
            return ExpertResponse(
                try await experts.update(
                    try context.pathID(), body.profile, body.extras, by: identity,
                    audit: context.audit(identity), today: today()))
        }
        routes.post(":id/:action") { request, context in
            let identity = try context.requireIdentity()
            guard let action = ExpertStore.Action(rawValue: context.parameters.get("action") ?? "") else {
                throw APIError(.notFound, code: "not_found", message: "未知的操作")
            }
            let body = try await request.decodeJSON(as: ReasonBody.self, context: context, emptyBody: ReasonBody())
            return ExpertResponse(
                try await experts.perform(
                    action, on: try context.pathID(), reason: body.reason, by: identity,
                    audit: context.audit(identity)))
        }
        return routes
    }
}

/// An expert as the API returns it: identity and state, the profile, and the extras.
struct ExpertResponse: ResponseEncodable {
    var expert: StoredExpert

    init(_ expert: StoredExpert) { self.expert = expert }

    enum Keys: String, CodingKey {
        case id, status
        case unitID = "unit_id"
        case statusLabel = "status_label"
        case contactsHidden = "contacts_hidden"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(expert.id, forKey: .id)
        try c.encode(expert.unitID, forKey: .unitID)
        try c.encode(expert.status.code, forKey: .status)
        try c.encode(expert.status.label, forKey: .statusLabel)
        try c.encode(expert.profile.mobile.isEmpty && expert.profile.email.isEmpty, forKey: .contactsHidden)
        try expert.profile.encode(to: encoder)
        try expert.extras.encode(to: encoder)
    }
}

/// A page of experts.
struct ExpertListResponse: ResponseEncodable {
    var items: [ExpertResponse]
}
