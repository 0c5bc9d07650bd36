import Domain
import Foundation
import Hummingbird
import Storage

/// Enterprise pages: the needs list, the need form (create, edit, submit, withdraw) and the enterprise profile.
struct EnterprisePages {
    let needs: NeedStore
    let organizations: OrganizationStore
    let renderer: PageRenderer
    let today: @Sendable () -> LocalDate

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/enterprise/needs") { request, context in
            let identity = try Self.enterprise(context)
            let items = try await needs.list(by: identity, limit: 500)
            let rows: [[String: Any]] = items.map { n in
                [
                    "id": n.id, "title": n.draft.title, "status": n.status.label, "statusCode": n.status.code,
                    "reason": PageFormat.text(n.statusReason), "updated": PageFormat.dateTime(n.updatedAt),
                    "editable": n.status == .draft || n.status == .returned,
                    "withdrawable": NeedStatus.transitions[n.status]?.contains(.withdrawn) ?? false,
                ]
            }
            return try renderer.page(
                "enterprise/needs", title: "技术需求", request: request, context: context,
                data: ["needs": rows, "empty": rows.isEmpty])
        }
        routes.get("/enterprise/needs/new") { request, context in
            _ = try Self.enterprise(context)
            return try form(request, context, action: "/enterprise/needs", values: NeedForm.blank, errors: [])
        }
        routes.post("/enterprise/needs") { request, context in
            let identity = try Self.enterprise(context)
            let form = try await FormData.read(request, context)
            do {
                let draft = try NeedForm.schema.decode(NeedDraft.self, from: form) { $0.validate(today: today()) }
                let need = try await needs.create(
                    draft, by: identity, audit: context.audit(identity), today: today())
                if form["intent"] == "submit" {
                    _ = try await needs.perform(
                        .submit, on: need.id, reason: nil, by: identity, audit: context.audit(identity))
                    return PageSession.redirect("/enterprise/needs?msg=submitted")
                }
                return PageSession.redirect("/enterprise/needs?msg=saved")
            } catch let e as ValidationError {
                return try self.form(
                    request, context, action: "/enterprise/needs", values: form, errors: e.errors,
                    status: .unprocessableContent)
            }
        }
        routes.get("/enterprise/needs/:id/edit") { request, context in
            let identity = try Self.enterprise(context)
            let need = try await needs.get(try context.pathID(), by: identity)
            return try form(
                request, context, action: "/enterprise/needs/\(need.id)", values: NeedForm.values(need), errors: [],
                need: need)
        }
        routes.post("/enterprise/needs/:id") { request, context in
            let identity = try Self.enterprise(context)
            let id = try context.pathID()
            let form = try await FormData.read(request, context)
            let audit = context.audit(identity)
            do {
                let draft = try NeedForm.schema.decode(NeedDraft.self, from: form) { $0.validate(today: today()) }
                _ = try await needs.update(id, draft, by: identity, audit: audit, today: today())
                if form["intent"] == "submit" {
                    _ = try await needs.perform(.submit, on: id, reason: nil, by: identity, audit: audit)
                    return PageSession.redirect("/enterprise/needs?msg=submitted")
                }
                return PageSession.redirect("/enterprise/needs?msg=saved")
            } catch let e as ValidationError {
                let need = try await needs.get(id, by: identity)
                return try self.form(
                    request, context, action: "/enterprise/needs/\(id)", values: form, errors: e.errors, need: need,
                    status: .unprocessableContent)
            }
        }
        for (action, msg) in [(NeedStore.Action.submit, "submitted"), (.withdraw, "withdrawn")] {
            routes.post(RouterPath("/enterprise/needs/:id/\(action.rawValue)")) { request, context in
                let identity = try Self.enterprise(context)
                _ = try await FormData.read(request, context)
                _ = try await needs.perform(
                    action, on: try context.pathID(), reason: nil, by: identity,
                    audit: context.audit(identity))
                return PageSession.redirect("/enterprise/needs?msg=\(msg)")
            }
        }
        OrganizationProfilePages(organizations: organizations, renderer: renderer, today: today)
            .add(to: routes, path: "/enterprise/profile", role: .enterprise)
    }

    func form(
        _ request: Request, _ context: AppRequestContext, action: String, values: FormData, errors: [FieldError],
        need: StoredNeed? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        var data: [String: Any] = [
            "action": action, "fields": NeedForm.schema.view(values: values, errors: errors),
            "formErrors": NeedForm.schema.unplaced(errors), "hasErrors": !errors.isEmpty,
        ]
        if let need {
            data["need"] = ["id": need.id, "status": need.status.label, "reason": PageFormat.text(need.statusReason)]
        }
        return try renderer.page(
            "need-form", title: need == nil ? "发布技术需求" : "修改技术需求", request: request, context: context, data: data,
            status: status)
    }

    static func enterprise(_ context: AppRequestContext) throws -> Identity {
        let identity = try context.requireIdentity()
        guard identity.role == .enterprise else { throw StorageError.forbidden("该页面仅供企业用户使用") }
        return identity
    }
}
