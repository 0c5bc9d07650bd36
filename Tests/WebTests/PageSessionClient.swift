import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A tiny browser for page tests: keeps cookies, posts url-encoded forms with the page's CSRF token.
struct PageSessionClient {
    var cookies: [String: String] = [:]
    /// The `_csrf` of the last page fetched.
    var csrf = ""

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var html: String
        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }
    }

    mutating func get(_ client: some TestClientProtocol, _ uri: String, headers extra: HTTPFields = [:]) async throws
        -> Page
    {
        let page = try await send(client, .get, uri, body: nil, headers: extra)
        if let token = Self.csrf(in: page.html) { csrf = token }
        return page
    }

    /// Posts `fields` (plus `_csrf` unless `withCSRF` is false).
    mutating func post(
        _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], withCSRF: Bool = true,
        headers extra: HTTPFields = [:]
    ) async throws -> Page {
        var all = fields
        if withCSRF { all.append(("_csrf", csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        let page = try await send(client, .post, uri, body: body, headers: headers)
        if let token = Self.csrf(in: page.html) { csrf = token }
        return page
    }

    /// Posts a `multipart/form-data` form (plus `_csrf`) with one file, the way a browser uploads.
    mutating func postMultipart(
        _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)],
        file: (field: String, filename: String, type: String, bytes: [UInt8])
    ) async throws -> Page {
        let boundary = "----kczyTestBoundary7MA4YWxkTrZu0gW"
        var body: [UInt8] = []
        for (name, value) in fields + [("_csrf", csrf)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                .utf8)
        body += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        let page = try await send(client, .post, uri, bytes: body, headers: headers)
        if let token = Self.csrf(in: page.html) { csrf = token }
        return page
    }

    /// Logs in through the login form and returns the redirect.
    mutating func login(_ client: some TestClientProtocol, _ username: String, _ password: String) async throws -> Page
    {
        _ = try await get(client, "/login")
        return try await post(client, "/login", [("username", username), ("password", password)])
    }

    private mutating func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, body: String?,
        headers extra: HTTPFields
    ) async throws -> Page {
        try await send(client, method, uri, bytes: body.map { Array($0.utf8) }, headers: extra)
    }

    private mutating func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, bytes: [UInt8]?,
        headers extra: HTTPFields
    ) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        let page = try await client.execute(
            uri: uri, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) }
        ) { response in
            Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
        }
        for line in page.setCookies {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if line.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        return page
    }

    static func csrf(in html: String) -> String? {
        guard let r = html.range(of: #"name="_csrf" value=""#) else { return nil }
        let rest = html[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
