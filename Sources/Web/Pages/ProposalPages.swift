import Domain
import Foundation
import Hummingbird
import Storage

/// Enterprises and experts see their proposals and confirm or decline them (two-way choice); anyone sees a published
/// list (公示) and logged-in users file objections under their real name.
struct ProposalPages {
    let proposals: ProposalStore
    let publication: PublicationStore
    let renderer: PageRenderer
    let today: @Sendable () -> LocalDate

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/proposals") { request, context in
            let identity = try context.requireIdentity()
            guard identity.role == .enterprise || identity.role == .expert else {
                throw StorageError.forbidden("该页面供企业和专家查看推荐结果")
            }
            let items = try await proposals.list(batch: nil, by: identity).filter { $0.status != "rejected" }
            let rows: [[String: Any]] = items.map { p in
                [
                    "id": p.id, "batchID": p.batchID, "needTitle": p.needTitle, "enterprise": p.enterpriseName,
                    "expert": p.expertName, "unit": p.unitName, "score": String(format: "%.3f", p.score),
                    "status": BatchPages.proposalStatus[p.status] ?? p.status,
                    "responses": PageFormat.text(BatchPages.responses(p)),
                    "open": p.status == "proposed" || p.status == "accepted",
                ]
            }
            return try renderer.page(
                "proposals", title: "推荐结果", request: request, context: context,
                data: ["items": rows, "empty": rows.isEmpty])
        }
        routes.post("/proposals/:id/:action") { request, context in
            let identity = try context.requireIdentity()
            let form = try await FormData.read(request, context)
            let responses: [String: ProposalStore.Response] = ["confirm": .confirm, "decline": .decline]
            guard let response = responses[context.parameters.get("action") ?? ""] else {
                throw APIError(.notFound, code: "not_found", message: "未知的操作")
            }
            let reason = form["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try await proposals.respond(
                try context.pathID(), response, reason: reason.isEmpty ? nil : reason, by: identity,
                audit: context.audit(identity))
            return PageSession.redirect("/proposals?msg=saved")
        }
        routes.get("/publications/:id") { request, context in
            try await publicPage(request, context, error: nil)
        }
        routes.post("/publications/:id/objections") { request, context in
            let identity = try context.requireIdentity()
            let form = try await FormData.read(request, context)
            do {
                _ = try await publication.object(
                    to: Int(form["proposal_id"]) ?? -1, realName: form["real_name"], body: form["body"], today: today(),
                    by: identity, audit: context.audit(identity))
            } catch let e as ValidationError {
                return try await publicPage(request, context, error: (form, e.errors))
            }
            return PageSession.redirect("/publications/\(try context.pathID())?msg=objected")
        }
    }

    func publicPage(_ request: Request, _ context: AppRequestContext, error: (FormData, [FieldError])?) async throws
        -> Response
    {
        let (b, entries) = try await publication.publicList(try context.pathID())
        let values = error?.0 ?? FormData()
        let errors = error?.1 ?? []
        func fieldError(_ name: String) -> Any {
            PageFormat.text(errors.filter { $0.field == name }.map(\.message).joined(separator: "；"))
        }
        return try renderer.page(
            "publication", title: "公示：\(b.name)", request: request, context: context,
            data: [
                "batchID": b.id, "from": b.publishFrom?.description ?? "", "until": b.publishUntil?.description ?? "",
                "open": b.status == .published,
                "entries": entries.map {
                    [
                        "id": $0.proposalID, "need": $0.needTitle, "enterprise": $0.enterpriseName,
                        "expert": $0.expertName,
                        "unit": $0.unitName, "title": $0.titleName ?? "",
                        "selected": values["proposal_id"] == String($0.proposalID),
                    ] as [String: Any]
                },
                "loggedIn": context.identity != nil, "realName": values["real_name"], "body": values["body"],
                "realNameError": fieldError("real_name"), "bodyError": fieldError("body"), "hasErrors": !errors.isEmpty,
            ], status: error == nil ? .ok : .unprocessableContent)
    }
}
