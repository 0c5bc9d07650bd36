import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// The browser session: an opaque `kczy_session` cookie (HttpOnly, SameSite=Lax, Secure under TLS) naming an
/// `auth_token` row of kind `session`, whose CSRF secret every form must echo in `_csrf`.
enum PageSession {
    static let lifetimeSeconds = 12 * 3600
    /// Double-submit cookie protecting the login form itself (there is no session yet).
    static let loginCSRFCookie = "kczy_login_csrf"

    /// Whether cookies get `Secure`: always, never, or (nil) when the request came through TLS, which a
    /// terminating proxy reports as `X-Forwarded-Proto: https`.
    static func isSecure(_ request: Request, setting: Bool?) -> Bool {
        if let setting { return setting }
        let proto = HTTPField.Name("X-Forwarded-Proto").flatMap { request.headers[$0] }
        return proto?.lowercased() == "https" || request.uri.scheme?.rawValue == "https"
    }

    static func cookie(_ name: String, _ value: String, maxAge: Int, secure: Bool) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=\(maxAge)"]
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    static func sessionCookie(_ secret: String, secure: Bool) -> String {
        cookie(AuthenticationMiddleware.cookieName, secret, maxAge: lifetimeSeconds, secure: secure)
    }

    static func expired(_ name: String, secure: Bool) -> String { cookie(name, "", maxAge: 0, secure: secure) }

    /// The double-submit token of a visitor without a session (login and registration forms): the one already in
    /// the visitor's cookie, so several open tabs stay valid, or a new one.
    static func anonymousToken(_ request: Request) -> String {
        if let existing = request.cookies[loginCSRFCookie]?.value, existing.count >= 32 { return existing }
        return SecretToken.generate()
    }

    /// Adds the double-submit cookie to a page that carries `token` in its forms.
    static func setAnonymousToken(_ token: String, on response: inout Response, request: Request, setting: Bool?) {
        let secure = isSecure(request, setting: setting)
        response.headers.append(
            HTTPField(name: .setCookie, value: cookie(loginCSRFCookie, token, maxAge: 3600, secure: secure)))
    }

    /// Whether a visitor's form echoes the token of their cookie.
    static func anonymousTokenMatches(_ form: FormData, _ request: Request) -> Bool {
        let cookie = request.cookies[loginCSRFCookie]?.value ?? ""
        return !cookie.isEmpty && constantTimeEqual(form["_csrf"], cookie)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// A redirect after a successful POST (303, so the browser follows with GET).
    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        for c in cookies { headers.append(HTTPField(name: .setCookie, value: c)) }
        return Response(status: .seeOther, headers: headers)
    }

    /// Only local paths are followed after login (no open redirect).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return nil }
        return next
    }

    /// Every role starts at its dashboard.
    static func home(_ identity: Identity) -> String { "/dashboard" }
}
