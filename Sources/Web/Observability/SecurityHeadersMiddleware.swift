import HTTPTypes
import Hummingbird

/// Headers every answer carries (pages add their fuller CSP): no MIME sniffing, never framed, no referrer to other
/// sites. The API answers only JSON, CSV or files, so `default-src 'none'` costs it nothing.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let nosniff = HTTPField.Name("X-Content-Type-Options")!
    static let csp = HTTPField.Name("Content-Security-Policy")!
    static let referrer = HTTPField.Name("Referrer-Policy")!
    static let frame = HTTPField.Name("X-Frame-Options")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[Self.nosniff] = "nosniff"
        response.headers[Self.referrer] = "same-origin"
        response.headers[Self.frame] = "DENY"
        if response.headers[Self.csp] == nil {
            response.headers[Self.csp] = "default-src 'none'; frame-ancestors 'none'"
        }
        return response
    }
}
