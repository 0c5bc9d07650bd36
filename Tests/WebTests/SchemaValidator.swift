import Foundation
import Storage

/// Checks JSON values against the subset of JSON Schema the API document uses: `$ref`, `type` (one or a list),
/// `properties` (closed: an undocumented field is an error), `required`, `items`, `enum`, `oneOf`.
struct SchemaValidator: Sendable {
    let document: JSONValue

    func errors(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(var s) = schema else { return [] }
        if case .string(let ref)? = s["$ref"] {
            let name = ref.replacingOccurrences(of: "#/components/schemas/", with: "")
            guard let target = document["components"]?["schemas"]?[name] else {
                return ["\(path): unknown $ref \(ref)"]
            }
            return errors(value, against: target, at: path)
        }
        if case .array(let options)? = s["oneOf"] {
            let matching = options.filter { errors(value, against: $0, at: path).isEmpty }.count
            if matching != 1 { return ["\(path): matches \(matching) of the oneOf schemas, not exactly one"] }
        }
        var problems: [String] = []
        if let type = s.removeValue(forKey: "type") {
            let allowed: [String] =
                switch type {
                case .string(let t): [t]
                case .array(let ts): ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
                default: []
                }
            if !allowed.contains(where: { Self.matches(value, $0) }) {
                return ["\(path): expected \(allowed.joined(separator: "|")), got \(value)"]
            }
        }
        if case .array(let options)? = s["enum"], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of the enum values")
        }
        if case .object(let object) = value {
            if case .array(let required)? = s["required"] {
                for case .string(let key) in required where object[key] == nil {
                    problems.append("\(path).\(key): required")
                }
            }
            if case .object(let properties)? = s["properties"] {
                for (key, item) in object {
                    guard let sub = properties[key] else {
                        problems.append("\(path).\(key): not in the document")
                        continue
                    }
                    problems += errors(item, against: sub, at: "\(path).\(key)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = s["items"] {
            for (i, item) in items.enumerated() { problems += errors(item, against: itemSchema, at: "\(path)[\(i)]") }
        }
        return problems
    }

    static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (value, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"): true
        case (.number, "number"): true
        case (.number(let n), "integer"): n.rounded() == n
        default: false
        }
    }

    /// The schema of a documented response, or nil when the status is not documented (the default error schema
    /// applies to 4xx/5xx).
    func responseSchema(path: String, method: String, status: Int) -> JSONValue? {
        guard let op = document["paths"]?[path]?[method.lowercased()], let responses = op["responses"] else {
            return nil
        }
        let response = responses[String(status)] ?? (status >= 400 ? responses["default"] : nil)
        guard let response else { return nil }
        return response["content"]?["application/json"]?["schema"] ?? .null
    }
}
