import Domain
import Foundation
import Hummingbird
import Storage

/// Staff verify or reject reported outcomes (only verified ones count in the reports).
struct OutcomePages {
    let outcomes: OutcomeStore
    let renderer: PageRenderer

    static let filters: [(String, String)] = [("reported", "待核实"), ("verified", "已核实"), ("rejected", "不予认定")]

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/staff/outcomes") { request, context in
            let identity = try context.requireIdentity()
            guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以核实成效") }
            let status = request.uri.queryParameters["status"].map(String.init) ?? "reported"
            let before = try request.beforeID()
            let items = try await outcomes.list(by: identity, status: status, limit: 100, before: before)
            let back = "/staff/outcomes?status=\(status)"
            return try renderer.page(
                "dispatch/outcomes", title: "成效核实", request: request, context: context,
                data: [
                    "outcomes": items.map { Self.row($0, staff: true, back: back) }, "empty": items.isEmpty,
                    "filters": Self.filters.map {
                        ["value": $0.0, "label": $0.1, "active": $0.0 == status] as [String: Any]
                    },
                    "next": PageFormat.text(
                        items.count == 100 ? items.last.map { "\(back)&before_id=\($0.id)" } : nil),
                ])
        }
        routes.post("/outcomes/:id/:action") { request, context in
            let identity = try context.requireIdentity()
            let form = try await FormData.read(request, context)
            let action = context.parameters.get("action") ?? ""
            guard action == "verify" || action == "reject" else {
                throw APIError(.notFound, code: "not_found", message: "未知的操作")
            }
            let reason = form["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
            _ = try await outcomes.review(
                try context.pathID(), verify: action == "verify", reason: reason.isEmpty ? nil : reason, by: identity,
                audit: context.audit(identity))
            let back = PageSession.safeNext(form["next"]) ?? "/staff/outcomes"
            return PageSession.redirect(Self.flash(back, action == "verify" ? "verified" : "rejected"))
        }
    }

    /// Adds `msg=key` to a local URL, before any `#fragment`.
    static func flash(_ url: String, _ key: String) -> String {
        let parts = url.split(separator: "#", maxSplits: 1).map(String.init)
        let base = parts[0] + (parts[0].contains("?") ? "&" : "?") + "msg=" + key
        return parts.count > 1 ? base + "#" + parts[1] : base
    }

    /// An outcome row for the lists; staff get verify/reject forms on reported ones, returning to `back`.
    static func row(_ o: OutcomeListItem, staff: Bool, back: String) -> [String: Any] {
        var detail: [String] = []
        if let n = o.trainedCount { detail.append("\(n) 人") }
        if let v = o.contractValue { detail.append(String(format: "合同 %.2f 元", v)) }
        return [
            "id": o.id, "assignmentID": o.assignmentID, "kind": o.kindLabel, "title": o.title, "on": o.achievedOn,
            "status": AssignmentPages.outcomeStatus[o.status] ?? o.status, "statusCode": o.status,
            "reason": PageFormat.text(o.statusReason), "expert": o.expertName, "enterprise": o.enterpriseName,
            "detail": PageFormat.text(detail.joined(separator: "，")),
            "evidence": PageFormat.text(o.evidenceFilename),
            "review": staff && o.status == "reported", "back": back,
        ]
    }
}
