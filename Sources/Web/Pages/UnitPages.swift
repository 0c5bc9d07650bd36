import Domain
import Foundation
import Hummingbird
import Storage

/// Dispatching-unit pages: the unit's experts (list, add, edit, approve) and the unit profile.
struct UnitPages {
    let experts: ExpertStore
    let organizations: OrganizationStore
    let renderer: PageRenderer
    let today: @Sendable () -> LocalDate

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/unit/experts") { request, context in
            let identity = try Self.unitAdmin(context)
            let rows = try await experts.list(by: identity, limit: 500).map(ExpertForm.row)
            return try renderer.page(
                "unit/experts", title: "本单位专家", request: request, context: context,
                data: ["experts": rows, "empty": rows.isEmpty])
        }
        routes.get("/unit/experts/new") { request, context in
            _ = try Self.unitAdmin(context)
            return try form(
                request, context, action: "/unit/experts", values: ExpertForm.blank, errors: [], expert: nil)
        }
        routes.post("/unit/experts") { request, context in
            let identity = try Self.unitAdmin(context)
            let form = try await FormData.read(request, context)
            do {
                let body = try ExpertForm.schema.decode(ExpertController.Body.self, from: form) {
                    $0.profile.validate(today: today())
                }
                _ = try await experts.create(
                    body.profile, body.extras, by: identity, audit: context.audit(identity),
                    today: today())
                return PageSession.redirect("/unit/experts?msg=created")
            } catch let e as ValidationError {
                return try self.form(
                    request, context, action: "/unit/experts", values: form, errors: e.errors, expert: nil,
                    status: .unprocessableContent)
            }
        }
        routes.get("/unit/experts/:id/edit") { request, context in
            let identity = try Self.unitAdmin(context)
            let expert = try await experts.get(try context.pathID(), by: identity)
            guard expert.unitID == identity.organizationID else { throw StorageError.forbidden("只能修改本单位的专家") }
            return try form(
                request, context, action: "/unit/experts/\(expert.id)", values: ExpertForm.values(expert), errors: [],
                expert: expert)
        }
        routes.post("/unit/experts/:id") { request, context in
            let identity = try Self.unitAdmin(context)
            let id = try context.pathID()
            let form = try await FormData.read(request, context)
            guard
                let errors = try await ExpertForm.update(
                    id, from: form, experts: experts, by: identity, audit: context.audit(identity),
                    today: today())
            else { return PageSession.redirect("/unit/experts?msg=saved") }
            return try self.form(
                request, context, action: "/unit/experts/\(id)", values: form, errors: errors,
                expert: try await experts.get(id, by: identity), status: .unprocessableContent)
        }
        routes.post("/unit/experts/:id/approve") { request, context in
            let identity = try Self.unitAdmin(context)
            _ = try await FormData.read(request, context)
            _ = try await experts.perform(
                .approve, on: try context.pathID(), reason: nil, by: identity,
                audit: context.audit(identity))
            return PageSession.redirect("/unit/experts?msg=approved")
        }
        OrganizationProfilePages(organizations: organizations, renderer: renderer, today: today)
            .add(to: routes, path: "/unit/profile", role: .unitAdmin)
    }

    func form(
        _ request: Request, _ context: AppRequestContext, action: String, values: FormData, errors: [FieldError],
        expert: StoredExpert?, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        var data: [String: Any] = [
            "action": action, "fields": ExpertForm.schema.view(values: values, errors: errors),
            "formErrors": ExpertForm.schema.unplaced(errors), "hasErrors": !errors.isEmpty,
            "back": "/unit/experts",
        ]
        if let expert { data["expert"] = ExpertForm.row(expert) }
        return try renderer.page(
            "expert-form", title: expert == nil ? "添加专家" : "修改专家资料", request: request, context: context,
            data: data, status: status)
    }

    static func unitAdmin(_ context: AppRequestContext) throws -> Identity {
        let identity = try context.requireIdentity()
        guard identity.role == .unitAdmin else { throw StorageError.forbidden("该页面仅供派出单位管理员使用") }
        return identity
    }
}
