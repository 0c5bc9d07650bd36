import Hummingbird
import Storage

/// Resolves `Authorization: Bearer …` (API) or the `kczy_session` cookie (pages) to an identity.
///
/// The cookie is honoured only outside `/api/`: API writes carry no CSRF token, so a browser's ambient cookie
/// must never authorize them.
///
/// A missing or unknown token leaves the request anonymous; routes that need a user call `requireIdentity()`.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "kczy_session"

    let accounts: AccountStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let secret = Self.token(request, cookies: !request.uri.path.hasPrefix("/api/")),
            let found = try await accounts.identity(forToken: secret)
        {
            context.identity = found.identity
            context.csrfToken = found.csrf
        }
        return try await next(request, context)
    }

    static func token(_ request: Request, cookies: Bool = true) -> String? {
        if let auth = request.headers[.authorization], auth.lowercased().hasPrefix("bearer ") {
            return String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return cookies ? request.cookies[cookieName]?.value : nil
    }
}
