import Domain
import Foundation
import Hummingbird
import Storage

/// `/api/v1/audit`: staff read the audit log, newest first, filtered by entity, row or actor.
struct AuditController {
    let audit: AuditStore

    struct EntryResponse: Encodable {
        var entry: AuditEntry

        enum Keys: String, CodingKey { case at }

        func encode(to encoder: any Encoder) throws {
            try entry.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(entry.at.formatted(.iso8601), forKey: .at)
        }
    }

    static let entities: Set<String> = [
        "organization", "organization_alias", "expert", "need", "account", "conflict", "cooperation",
    ]

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { request, context in
            let identity = try context.requireIdentity()
            let q = request.uri.queryParameters
            let entity = q["entity"].map(String.init)
            if let entity, !Self.entities.contains(entity) {
                throw APIError(
                    .badRequest, code: "invalid_query", message: "entity 取值不正确",
                    fields: [
                        FieldError(
                            field: "entity", code: "invalid",
                            message: "可选：\(Self.entities.sorted().joined(separator: ", "))")
                    ])
            }
            let limit = try request.intQuery("limit", default: 50, range: 1...500)
            let actor =
                q["actor_id"] == nil
                ? nil : try request.intQuery("actor_id", default: 0, range: 1...Int(Int32.max))
            let before = try request.beforeID()
            let items = try await audit.list(
                .init(
                    entity: entity, entityID: q["entity_id"].map(String.init), actorID: actor, beforeID: before,
                    limit: limit),
                by: identity)
            return KeysetPage(items: items.map(EntryResponse.init), limit: limit) { $0.entry.id }
        }
        return routes
    }
}
