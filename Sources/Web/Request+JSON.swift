import Domain
import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body, keeping `DecodingError` (so the error names the field) and enforcing the size limit.
    func decodeJSON<T: Decodable>(as type: T.Type, context: AppRequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        return try Self.decodeJSON(T.self, from: Data(buffer: buffer))
    }

    /// Like `decodeJSON`, but an empty body decodes as `fallback` (action endpoints whose body is optional).
    func decodeJSON<T: Decodable>(as type: T.Type, context: AppRequestContext, emptyBody fallback: T) async throws -> T
    {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        if buffer.readableBytes == 0 { return fallback }
        return try Self.decodeJSON(T.self, from: Data(buffer: buffer))
    }

    /// Decodes JSON and refuses U+0000 in any string (400 naming the field): PostgreSQL text cannot hold it, and
    /// libpq would silently cut the value short there.
    static func decodeJSON<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let value = try JSONDecoder().decode(T.self, from: data)
        // JSON can carry U+0000 only as the escape `\u0000`, so bodies without it need no second look.
        if data.range(of: Data(#"\u0000"#.utf8)) != nil,
            let parsed = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed),
            let field = nulPath(parsed)
        {
            let name = field.isEmpty ? "body" : field
            throw APIError(
                .badRequest, code: "invalid_body", message: "请求内容无法解析",
                fields: [FieldError(field: name, code: "nul_character", message: "不能包含空字符（U+0000）")])
        }
        return value
    }

    /// The path (`tracks.0`, as in decoding errors) of the first string or key that holds U+0000, or nil.
    static func nulPath(_ value: Any, _ path: [String] = []) -> String? {
        switch value {
        case let text as String:
            return text.unicodeScalars.contains("\0") ? path.joined(separator: ".") : nil
        case let object as [String: Any]:
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if key.unicodeScalars.contains("\0") { return (path + [key]).joined(separator: ".") }
                if let found = nulPath(item, path + [key]) { return found }
            }
        case let array as [Any]:
            for (i, item) in array.enumerated() {
                if let found = nulPath(item, path + [String(i)]) { return found }
            }
        default:
            break
        }
        return nil
    }
}

/// The optional body of lifecycle actions: a written reason (required by some transitions).
struct ReasonBody: Decodable {
    var reason: String?
}
