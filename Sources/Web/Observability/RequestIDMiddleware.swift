import HTTPTypes
import Hummingbird

/// Puts the request id (the one in every log line and error body) on every response as `X-Request-Id`, so a user's
/// report of any answer, not only an error, can be found in the logs.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        if response.headers[Self.header] == nil { response.headers[Self.header] = context.id }
        return response
    }
}
