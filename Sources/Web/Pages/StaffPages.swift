import Domain
import Foundation
import Hummingbird
import Storage

/// Program-office screening queues: submitted needs, pending organizations, approved experts.
struct StaffPages {
    let needs: NeedStore
    let experts: ExpertStore
    let organizations: OrganizationStore
    let renderer: PageRenderer

    /// A problem with one row's action, shown next to that row's reason field.
    struct RowError {
        var id: Int
        var message: String
        var reason: String
    }

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/staff/needs") { request, context in try await needQueue(request, context, error: nil) }
        for (action, msg) in [(NeedStore.Action.accept, "accepted"), (.return, "returned")] {
            routes.post(RouterPath("/staff/needs/:id/\(action.rawValue)")) { request, context in
                let identity = try Self.staff(context)
                let id = try context.pathID()
                let form = try await FormData.read(request, context)
                let reason = form["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
                do {
                    _ = try await needs.perform(
                        action, on: id, reason: reason.isEmpty ? nil : reason, by: identity,
                        audit: context.audit(identity))
                } catch let e as TransitionError {
                    return try await needQueue(
                        request, context, error: RowError(id: id, message: e.message, reason: reason))
                }
                return PageSession.redirect("/staff/needs?msg=\(msg)")
            }
        }
        routes.get("/staff/organizations") { request, context in try await orgQueue(request, context, error: nil) }
        for (target, msg) in [(OrganizationStatus.approved, "approved"), (.rejected, "rejected")] {
            routes.post(RouterPath("/staff/organizations/:id/\(target == .approved ? "approve" : "reject")")) {
                request, context in
                let identity = try Self.staff(context)
                let id = try context.pathID()
                let form = try await FormData.read(request, context)
                let reason = form["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
                do {
                    _ = try await organizations.review(
                        id, to: target, reason: reason.isEmpty ? nil : reason, by: identity,
                        audit: context.audit(identity))
                } catch let e as TransitionError {
                    return try await orgQueue(
                        request, context, error: RowError(id: id, message: e.message, reason: reason))
                }
                return PageSession.redirect("/staff/organizations?msg=\(msg)")
            }
        }
        routes.get("/staff/experts") { request, context in
            let identity = try Self.staff(context)
            let approved = try await experts.list(by: identity, status: .approved, limit: 500).map(ExpertForm.row)
            let screened = try await experts.list(by: identity, status: .screened, limit: 500).map(ExpertForm.row)
            return try renderer.page(
                "staff/experts", title: "专家形式审查", request: request, context: context,
                data: [
                    "approved": approved, "screened": screened, "noApproved": approved.isEmpty,
                    "noScreened": screened.isEmpty,
                ])
        }
        for (action, msg) in [(ExpertStore.Action.screen, "screened"), (.release, "released")] {
            routes.post(RouterPath("/staff/experts/:id/\(action.rawValue)")) { request, context in
                let identity = try Self.staff(context)
                _ = try await FormData.read(request, context)
                _ = try await experts.perform(
                    action, on: try context.pathID(), reason: nil, by: identity,
                    audit: context.audit(identity))
                return PageSession.redirect("/staff/experts?msg=\(msg)")
            }
        }
    }

    func needQueue(_ request: Request, _ context: AppRequestContext, error: RowError?) async throws -> Response {
        let identity = try Self.staff(context)
        let items = try await needs.list(by: identity, status: .submitted, limit: 500)
        let rows: [[String: Any]] = items.map { n in
            let d = n.draft
            return [
                "id": n.id, "title": d.title, "description": d.description,
                "targets": PageFormat.text(d.technicalTargets),
                "enterpriseID": n.enterpriseID, "tracks": d.tracks.map(\.label).joined(separator: "、"),
                "keywords": d.keywords.joined(separator: "、"), "submitted": PageFormat.dateTime(n.updatedAt),
                "confidential": d.confidential, "error": error?.id == n.id ? error!.message : "",
                "hasError": error?.id == n.id, "reason": error?.id == n.id ? error!.reason : "",
            ]
        }
        return try renderer.page(
            "staff/needs", title: "需求审核", request: request, context: context,
            data: ["needs": rows, "empty": rows.isEmpty], status: error == nil ? .ok : .unprocessableContent)
    }

    func orgQueue(_ request: Request, _ context: AppRequestContext, error: RowError?) async throws -> Response {
        let identity = try Self.staff(context)
        let pending = try await organizations.list(by: identity, status: .pending)
        var rows: [[String: Any]] = []
        for o in pending {
            let similar = try await organizations.similar(to: o.id, by: identity, limit: 5)
            rows.append([
                "id": o.id, "name": o.name, "kind": OrganizationKind(rawValue: o.kind)?.label ?? o.kind,
                "identifier": o.identifier, "region": o.regionCode, "created": PageFormat.dateTime(o.createdAt),
                "similar": similar.map { ["id": $0.id, "name": $0.name, "identifier": $0.identifier] },
                "hasSimilar": !similar.isEmpty, "error": error?.id == o.id ? error!.message : "",
                "hasError": error?.id == o.id, "reason": error?.id == o.id ? error!.reason : "",
            ])
        }
        return try renderer.page(
            "staff/organizations", title: "单位与企业审核", request: request, context: context,
            data: ["orgs": rows, "empty": rows.isEmpty], status: error == nil ? .ok : .unprocessableContent)
    }

    static func staff(_ context: AppRequestContext) throws -> Identity {
        let identity = try context.requireIdentity()
        guard identity.isProgramStaff else { throw StorageError.forbidden("该页面仅供项目办工作人员使用") }
        return identity
    }
}
