import Domain
import Hummingbird
import Storage

extension AppRequestContext {
    /// The positive integer `{id}` of the route; anything else is a 404 (never a 500).
    func pathID() throws -> Int {
        guard let text = parameters.get("id"), let id = Int(text), id > 0 else {
            throw APIError(.notFound, code: "not_found", message: "编号不正确")
        }
        return id
    }

    /// Who did it and under which request id, for the audit triggers.
    func audit(_ identity: Identity) -> AuditContext {
        AuditContext(actorID: identity.accountID, requestID: id)
    }
}

extension Request {
    /// An integer query parameter within `range`, or `value` when absent; anything else is a 400 naming it.
    func intQuery(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = uri.queryParameters[Substring(name)] else { return value }
        guard let v = Int(text), range.contains(v) else {
            throw APIError(
                .badRequest, code: "invalid_query", message: "\(name) 取值不正确",
                fields: [
                    FieldError(
                        field: name, code: "out_of_range", message: "应为 \(range.lowerBound)–\(range.upperBound) 的整数")
                ])
        }
        return v
    }
}
