import Auth
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// `/`, `/login`, `/logout`: the browser session.
struct LoginPages {
    let accounts: AccountStore
    let renderer: PageRenderer
    let secureCookies: Bool?

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/") { _, context in
            PageSession.redirect(context.identity.map(PageSession.home) ?? "/login")
        }
        routes.get("/login") { request, context in
            if let identity = context.identity { return PageSession.redirect(PageSession.home(identity)) }
            return try loginPage(request, context, username: "", error: nil, status: .ok)
        }
        routes.post("/login") { request, context in try await login(request, context) }
        routes.post("/logout") { request, context in
            _ = try await FormData.read(request, context)
            if let secret = request.cookies[AuthenticationMiddleware.cookieName]?.value {
                try await accounts.revoke(token: secret)
            }
            let secure = PageSession.isSecure(request, setting: secureCookies)
            return PageSession.redirect(
                "/login?msg=logged_out",
                cookies: [PageSession.expired(AuthenticationMiddleware.cookieName, secure: secure)])
        }
    }

    func loginPage(
        _ request: Request, _ context: AppRequestContext, username: String, error: String?, status: HTTPResponse.Status,
        next: String? = nil
    ) throws -> Response {
        let token = PageSession.anonymousToken(request)
        var ctx = context
        ctx.csrfToken = token
        let next = PageSession.safeNext(next ?? request.uri.queryParameters["next"].map(String.init)) ?? ""
        var response = try renderer.page(
            "login", title: "登录", request: request, context: ctx,
            data: ["username": username, "error": error ?? "", "hasError": error != nil, "next": next], status: status)
        PageSession.setAnonymousToken(token, on: &response, request: request, setting: secureCookies)
        return response
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormData.collect(request, context)
        guard PageSession.anonymousTokenMatches(form, request) else {
            return try loginPage(request, context, username: form["username"], error: "页面已失效，请重新登录", status: .forbidden)
        }
        let identity: Identity
        do {
            identity = try await AuthController.authenticate(
                accounts, form["username"].trimmingCharacters(in: .whitespaces), form["password"], context)
        } catch StorageError.invalidCredentials {
            return try loginPage(
                request, context, username: form["username"], error: "用户名或密码错误", status: .unauthorized,
                next: form["next"])
        } catch StorageError.tooManyAttempts(let seconds) {
            var r = try loginPage(
                request, context, username: form["username"], error: "登录失败次数过多，请\(max(1, seconds / 60))分钟后再试",
                status: .tooManyRequests)
            r.headers[.retryAfter] = String(seconds)
            return r
        }
        let token = try await accounts.issueToken(
            for: identity.accountID, kind: "session", lifetimeSeconds: PageSession.lifetimeSeconds, label: "browser")
        let secure = PageSession.isSecure(request, setting: secureCookies)
        let target = PageSession.safeNext(form["next"]) ?? PageSession.home(identity)
        return PageSession.redirect(
            target,
            cookies: [
                PageSession.sessionCookie(token.secret, secure: secure),
                PageSession.expired(PageSession.loginCSRFCookie, secure: secure),
            ])
    }
}
