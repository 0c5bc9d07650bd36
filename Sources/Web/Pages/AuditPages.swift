import Domain
import Foundation
import Hummingbird
import Storage

/// `/staff/audit`: the audit log for staff, newest first, with the fields each write changed.
struct AuditPages {
    let audit: AuditStore
    let renderer: PageRenderer

    static let actions = ["INSERT": "新增", "UPDATE": "修改", "DELETE": "删除"]

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/staff/audit") { request, context in
            let identity = try StaffPages.staff(context)
            let q = request.uri.queryParameters
            let entity = q["entity"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            if let entity, !AuditController.entities.contains(entity) {
                throw APIError(.badRequest, code: "invalid_query", message: "未知的记录类型：\(entity)")
            }
            let entityID = q["entity_id"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let before = q["before_id"].flatMap { Int($0) }
            let entries = try await audit.list(
                .init(entity: entity, entityID: entityID, beforeID: before, limit: 100), by: identity)
            let rows: [[String: Any]] = entries.map { e in
                [
                    "id": e.id, "at": PageFormat.dateTime(e.at),
                    "actor": e.actorName ?? (e.actorID.map { "账号 \($0)" } ?? "系统"),
                    "action": Self.actions[e.action] ?? e.action, "entity": e.entity, "entityID": e.entityID ?? "",
                    "changes": Self.changes(e.before, e.after),
                ]
            }
            var next = "/staff/audit?"
            if let entity { next += "entity=\(entity)&" }
            if let entityID, let encoded = entityID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
                next += "entity_id=\(encoded)&"
            }
            let data: [String: Any] = [
                "entries": rows, "empty": rows.isEmpty, "entity": entity ?? "", "entityID": entityID ?? "",
                "entities": AuditController.entities.sorted().map {
                    ["value": $0, "selected": $0 == entity] as [String: Any]
                },
                "next": entries.count == 100 ? PageFormat.text(next + "before_id=\(entries.last!.id)") : false,
            ]
            return try renderer.page("staff/audit", title: "审计日志", request: request, context: context, data: data)
        }
    }

    /// "field: old → new" for each changed field (every field of an insert or delete), values shortened.
    static func changes(_ before: JSONValue?, _ after: JSONValue?) -> [String] {
        func fields(_ v: JSONValue?) -> [String: JSONValue] {
            if case .object(let o)? = v { return o }
            return [:]
        }
        let b = fields(before)
        let a = fields(after)
        let skip: Set<String> = ["updated_at", "created_at"]
        return Set(b.keys).union(a.keys).subtracting(skip).sorted().compactMap { key in
            let old = b[key]
            let new = a[key]
            guard old != new else { return nil }
            switch (old, new) {
            case (nil, let n?): return "\(key)：\(short(n))"
            case (let o?, nil): return "\(key)：\(short(o))（已删除）"
            case (let o?, let n?): return "\(key)：\(short(o)) → \(short(n))"
            default: return nil
            }
        }
    }

    static func short(_ v: JSONValue) -> String {
        let text: String
        switch v {
        case .null: text = "空"
        case .bool(let b): text = b ? "是" : "否"
        case .number(let n): text = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .string(let s): text = s
        case .array(let items): text = items.map(short).joined(separator: "、")
        case .object: text = "{…}"
        }
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
