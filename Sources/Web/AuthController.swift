import Foundation
import Hummingbird
import Storage

/// `/api/v1/auth`: password login for API tokens, logout (revocation), and who-am-I.
struct AuthController {
    let accounts: AccountStore
    static let apiTokenLifetime = 30 * 24 * 3600

    struct LoginRequest: Decodable {
        var username: String
        var password: String
    }

    struct TokenResponse: ResponseEncodable {
        var token: String
        var tokenType = "Bearer"
        var expiresIn: Int
        var account: AccountResponse

        enum CodingKeys: String, CodingKey {
            case token
            case tokenType = "token_type"
            case expiresIn = "expires_in"
            case account
        }
    }

    struct AccountResponse: ResponseEncodable {
        var id: Int
        var username: String
        var displayName: String
        var role: String
        var organizationID: Int?
        var expertID: Int?

        init(_ i: Identity) {
            id = i.accountID
            username = i.username
            displayName = i.displayName
            role = i.role.rawValue
            organizationID = i.organizationID
            expertID = i.expertID
        }

        enum CodingKeys: String, CodingKey {
            case id, username, role
            case displayName = "display_name"
            case organizationID = "organization_id"
            case expertID = "expert_id"
        }
    }

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post("login") { request, context in try await login(request, context) }
        routes.post("logout") { request, context in try await logout(request, context) }
        routes.get("me") { _, context in AccountResponse(try context.requireIdentity()) }
        return routes
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> TokenResponse {
        let body = try await request.decodeJSON(as: LoginRequest.self, context: context)
        let identity = try await Self.authenticate(accounts, body.username, body.password, context)
        let token = try await accounts.issueToken(
            for: identity.accountID, kind: "api", lifetimeSeconds: Self.apiTokenLifetime, label: "api login")
        return TokenResponse(token: token.secret, expiresIn: Self.apiTokenLifetime, account: AccountResponse(identity))
    }

    func logout(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireIdentity()
        if let secret = AuthenticationMiddleware.token(request, cookies: false) {
            try await accounts.revoke(token: secret)
        }
        return Response(status: .noContent)
    }

    /// Checks a password, counting every refusal in `kczy_login_failures_total` (API and login page alike).
    static func authenticate(
        _ accounts: AccountStore, _ username: String, _ password: String, _ context: AppRequestContext
    ) async throws -> Identity {
        do {
            return try await accounts.authenticate(
                username: username, password: password, clientAddress: clientAddress(context))
        } catch {
            AppMetrics.loginFailures.increment()
            throw error
        }
    }

    static func clientAddress(_ context: AppRequestContext) -> String {
        context.remoteAddress?.ipAddress ?? "unknown"
    }
}
