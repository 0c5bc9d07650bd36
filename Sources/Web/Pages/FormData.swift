import Foundation
import Hummingbird

/// A parsed `application/x-www-form-urlencoded` body: every name keeps all its values, in order.
struct FormData: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ pairs: [(String, String)] = []) {
        for (k, v) in pairs { values[k, default: []].append(v) }
    }

    /// Parses the body text; `+` is a space and `%XX` sequences are UTF-8 bytes.
    init(encoded text: String) {
        var pairs: [(String, String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(kv[0])
            let value = kv.count > 1 ? Self.decode(kv[1]) : ""
            pairs.append((key, value))
        }
        self.init(pairs)
    }

    static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value of a field, or "".
    subscript(_ name: String) -> String { values[name]?.first ?? "" }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    func has(_ name: String) -> Bool { values[name] != nil }

    /// Reads a form body without any CSRF check (the login form checks its own double-submit cookie).
    static func collect(_ request: Request, _ context: AppRequestContext) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return FormData(encoded: String(buffer: buffer))
    }

    /// Reads a form body (bounded by the context's upload limit) and checks the CSRF token of the session.
    static func read(_ request: Request, _ context: AppRequestContext) async throws -> FormData {
        let form = try await collect(request, context)
        guard let expected = context.csrfToken, !expected.isEmpty,
            PageSession.constantTimeEqual(form["_csrf"], expected)
        else {
            throw APIError(.forbidden, code: "csrf", message: "表单已失效，请刷新页面后重试")
        }
        return form
    }
}
