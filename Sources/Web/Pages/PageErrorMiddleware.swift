import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Errors on page routes become HTML: an anonymous visitor is sent to the login page, anything else gets the
/// error page with the same status and message the API would give (`ErrorMiddleware.map`).
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let api = ErrorMiddleware.map(error, logger: context.logger)
            if api.status == .unauthorized, api.code == "unauthenticated" {
                var target = request.uri.path
                if let q = request.uri.query, !q.isEmpty { target += "?" + q }
                let encoded =
                    target.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "?"]))
                    ?? "/"
                return PageSession.redirect("/login?next=" + encoded)
            }
            let data: [String: Any] = [
                "status": api.status.code, "message": api.message, "requestID": context.id,
                "fieldErrors": api.fields.map(\.message),
            ]
            do {
                var response = try renderer.page(
                    "error", title: "出错了", request: request, context: context, data: data, status: api.status)
                for field in api.headers { response.headers.append(field) }
                return response
            } catch {
                return api.response(requestID: context.id)
            }
        }
    }
}
