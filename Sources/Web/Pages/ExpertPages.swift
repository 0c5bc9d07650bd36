import Domain
import Foundation
import Hummingbird
import Storage

/// The expert's own profile page; saving an approved profile sends it back to the unit for approval.
struct ExpertPages {
    let experts: ExpertStore
    let renderer: PageRenderer
    let today: @Sendable () -> LocalDate

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/expert/profile") { request, context in
            let (identity, id) = try Self.expert(context)
            let expert = try await experts.get(id, by: identity)
            return try form(request, context, values: ExpertForm.values(expert), errors: [], expert: expert)
        }
        routes.post("/expert/profile") { request, context in
            let (identity, id) = try Self.expert(context)
            let form = try await FormData.read(request, context)
            guard
                let errors = try await ExpertForm.update(
                    id, from: form, experts: experts, by: identity, audit: context.audit(identity),
                    today: today())
            else { return PageSession.redirect("/expert/profile?msg=saved") }
            return try self.form(
                request, context, values: form, errors: errors, expert: try await experts.get(id, by: identity),
                status: .unprocessableContent)
        }
    }

    func form(
        _ request: Request, _ context: AppRequestContext, values: FormData, errors: [FieldError], expert: StoredExpert,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let data: [String: Any] = [
            "action": "/expert/profile", "fields": ExpertForm.schema.view(values: values, errors: errors),
            "formErrors": ExpertForm.schema.unplaced(errors), "hasErrors": !errors.isEmpty,
            "expert": ExpertForm.row(expert), "own": true,
            "notice": "已审核的资料修改后将退回派出单位重新审核。",
        ]
        return try renderer.page(
            "expert-form", title: "我的资料", request: request, context: context, data: data, status: status)
    }

    static func expert(_ context: AppRequestContext) throws -> (Identity, Int) {
        let identity = try context.requireIdentity()
        guard identity.role == .expert, let id = identity.expertID else {
            throw StorageError.forbidden("该页面仅供专家本人使用")
        }
        return (identity, id)
    }
}
