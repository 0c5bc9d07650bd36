import Domain
import Foundation
import Hummingbird
import Storage

/// `/api/v1/registrations` (anonymous sign-up of an enterprise or a dispatching unit) and
/// `/api/v1/organizations` (the program office's approval queue).
struct OrganizationController {
    let organizations: OrganizationStore
    let today: @Sendable () -> LocalDate

    struct AccountPart: Decodable {
        var username: String
        var password: String
        var displayName: String?

        enum CodingKeys: String, CodingKey {
            case username, password
            case displayName = "display_name"
        }
    }

    struct Registration<Profile: Decodable>: Decodable {
        var organization: Profile
        var account: AccountPart
    }

    struct RegistrationResponse: ResponseEncodable {
        var organizationID: Int
        var accountID: Int
        var status = "pending"

        enum CodingKeys: String, CodingKey {
            case status
            case organizationID = "organization_id"
            case accountID = "account_id"
        }
    }

    struct OrganizationList: ResponseEncodable {
        var items: [OrganizationSummary]
    }

    var registrationEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post("enterprise") { request, context in
            let body = try await request.decodeJSON(as: Registration<EnterpriseProfile>.self, context: context)
            let r = try await organizations.register(
                body.organization, account: Self.account(body.account), today: today())
            return EditedResponse(
                status: .created,
                response: RegistrationResponse(organizationID: r.organizationID, accountID: r.accountID))
        }
        routes.post("unit") { request, context in
            let body = try await request.decodeJSON(as: Registration<UnitProfile>.self, context: context)
            let r = try await organizations.register(body.organization, account: Self.account(body.account))
            return EditedResponse(
                status: .created,
                response: RegistrationResponse(organizationID: r.organizationID, accountID: r.accountID))
        }
        return routes
    }

    var reviewEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { request, context in
            var status: OrganizationStatus?
            if let text = request.uri.queryParameters["status"].map(String.init) {
                guard let parsed = OrganizationStatus.parse(text) else {
                    throw APIError(
                        .badRequest, code: "invalid_query", message: "status 取值不正确",
                        fields: [FieldError(field: "status", code: "invalid", message: "未知的机构状态：\(text)")])
                }
                status = parsed
            }
            return OrganizationList(
                items: try await organizations.list(by: try context.requireIdentity(), status: status))
        }
        routes.get(":id") { _, context in
            try await organizations.detail(try context.pathID(), by: try context.requireIdentity())
        }
        routes.put(":id") { request, context in
            let identity = try context.requireIdentity()
            let edit = try await request.decodeJSON(as: OrganizationEdit.self, context: context)
            return try await organizations.updateProfile(
                try context.pathID(), edit, by: identity, audit: context.audit(identity),
                today: today())
        }
        routes.put(":id/aliases") { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(as: AliasesBody.self, context: context)
            return try await organizations.setAliases(
                try context.pathID(), body.aliases, by: identity,
                audit: context.audit(identity))
        }
        routes.get(":id/similar") { _, context in
            OrganizationList(
                items: try await organizations.similar(
                    to: try context.pathID(), by: try context.requireIdentity()))
        }
        routes.post(":id/:action") { request, context in
            let identity = try context.requireIdentity()
            let id = try context.pathID()
            let target: OrganizationStatus
            switch context.parameters.get("action") {
            case "approve": target = .approved
            case "reject": target = .rejected
            case "merge":
                let body = try await request.decodeJSON(as: MergeBody.self, context: context)
                return try await organizations.merge(
                    id, into: body.into, reason: body.reason, by: identity,
                    audit: context.audit(identity)
                ).encodedResponse(request, context)
            default: throw APIError(.notFound, code: "not_found", message: "未知的操作")
            }
            let body = try await request.decodeJSON(as: ReasonBody.self, context: context, emptyBody: ReasonBody())
            return try await organizations.review(
                id, to: target, reason: body.reason, by: identity, audit: context.audit(identity)
            ).encodedResponse(request, context)
        }
        return routes
    }

    static func account(_ a: AccountPart) -> OrganizationStore.FirstAccount {
        .init(username: a.username, password: a.password, displayName: a.displayName ?? a.username)
    }
}

extension OrganizationSummary: ResponseEncodable {}
extension OrganizationDetail: ResponseEncodable {}

extension ResponseEncodable {
    /// Lets one route return different response types.
    func encodedResponse(_ request: Request, _ context: AppRequestContext) throws -> Response {
        try response(from: request, context: context)
    }
}

struct AliasesBody: Decodable {
    var aliases: [String]
}

struct MergeBody: Decodable {
    var into: Int
    var reason: String?
}
