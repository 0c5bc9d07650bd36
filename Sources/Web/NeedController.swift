import Domain
import Foundation
import Hummingbird
import LibPQ
import Storage

/// `/api/v1/needs`: enterprises create and maintain needs; staff screen them; researchers read open ones.
struct NeedController {
    let needs: NeedStore
    let today: @Sendable () -> LocalDate

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { request, context in try await list(request, context) }
        routes.post { request, context in try await create(request, context) }
        routes.get(":id") { _, context in
            NeedResponse(try await needs.get(try context.pathID(), by: try context.requireIdentity()))
        }
        routes.put(":id") { request, context in try await update(request, context) }
        routes.get(":id/history") { _, context in
            let rows = try await needs.history(try context.pathID(), by: try context.requireIdentity())
            return TransitionListResponse(
                items: rows.map { .init(from: $0.from, to: $0.to, actorID: $0.actorID, reason: $0.reason, at: $0.at) })
        }
        routes.post(":id/:action") { request, context in try await perform(request, context) }
        return routes
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> NeedListResponse {
        let identity = try context.requireIdentity()
        var status: NeedStatus?
        if let text = request.uri.queryParameters["status"].map(String.init) {
            guard let parsed = NeedStatus.parse(text) else {
                throw APIError(
                    .badRequest, code: "invalid_query", message: "status 取值不正确",
                    fields: [FieldError(field: "status", code: "invalid", message: "未知的需求状态：\(text)")])
            }
            status = parsed
        }
        let limit = try request.intQuery("limit", default: 50, range: 1...500)
        let offset = try request.intQuery("offset", default: 0, range: 0...1_000_000)
        let items = try await needs.list(by: identity, status: status, limit: limit, offset: offset)
        return NeedListResponse(items: items.map(NeedResponse.init))
    }

    func create(_ request: Request, _ context: AppRequestContext) async throws -> EditedResponse<NeedResponse> {
        let identity = try context.requireIdentity()
        let draft = try await request.decodeJSON(as: NeedDraft.self, context: context)
        let need = try await needs.create(draft, by: identity, audit: context.audit(identity), today: today())
        return EditedResponse(status: .created, response: NeedResponse(need))
    }

    func update(_ request: Request, _ context: AppRequestContext) async throws -> NeedResponse {
        let identity = try context.requireIdentity()
        let id = try context.pathID()
        let draft = try await request.decodeJSON(as: NeedDraft.self, context: context)
        return NeedResponse(
            try await needs.update(id, draft, by: identity, audit: context.audit(identity), today: today()))
    }

    func perform(_ request: Request, _ context: AppRequestContext) async throws -> NeedResponse {
        let identity = try context.requireIdentity()
        let id = try context.pathID()
        let name = context.parameters.get("action") ?? ""
        guard let action = NeedStore.Action(rawValue: name) else {
            throw APIError(.notFound, code: "not_found", message: "未知的操作：\(name)")
        }
        let body = try await request.decodeJSON(as: ReasonBody.self, context: context, emptyBody: ReasonBody())
        return NeedResponse(
            try await needs.perform(
                action, on: id, reason: body.reason, by: identity, audit: context.audit(identity)))
    }
}
