import Domain
import Foundation
import Hummingbird
import Storage

/// `/register/enterprise` and `/register/unit`: public registration of an organization and its first account,
/// pending approval by the program office.
struct RegistrationPages {
    let organizations: OrganizationStore
    let renderer: PageRenderer
    let secureCookies: Bool?
    let today: @Sendable () -> LocalDate

    static func accountFields() -> [FormField] {
        [
            FormField(
                name: "username", label: "登录用户名", kind: .text, required: true, hint: "3–64位字母、数字或 . _ @ -",
                path: ["account", "username"]),
            FormField(
                name: "password", label: "登录密码", kind: .password, required: true, hint: "至少10位",
                path: ["account", "password"]),
            FormField(name: "display_name", label: "账号显示名称", kind: .text, path: ["account", "display_name"]),
        ]
    }

    static func orgFields(enterprise: Bool, regions: [FormField.Option]) -> [FormField] {
        let o = { (name: String) in ["organization", name] }
        var fields = [
            FormField(name: "name", label: enterprise ? "企业名称" : "单位名称", kind: .text, required: true, path: o("name"))
        ]
        if !enterprise {
            fields.append(
                FormField(
                    name: "kind", label: "单位类型",
                    kind: .select(FormField.options(OrganizationKind.self).filter { $0.value != "enterprise" }),
                    required: true, path: o("kind")))
            fields.append(
                FormField(
                    name: "identifier_kind", label: "证照类型",
                    kind: .select(
                        OrganizationIdentifierKind.allCases.map { .init(value: $0.rawValue, label: $0.label) }),
                    required: true, hint: "港澳及境外单位没有统一社会信用代码，请选择对应的证照类型", path: o("identifier_kind")))
        }
        fields += [
            FormField(
                name: "identifier", label: enterprise ? "统一社会信用代码" : "证照号码", kind: .text, required: true,
                hint: enterprise ? "18位，含校验位" : nil, path: o("identifier"))
        ]
        if !enterprise {
            fields.append(
                FormField(
                    name: "country_code", label: "国家或地区代码", kind: .text, hint: "境外单位填写，如 SG、DE", path: o("country_code")
                ))
        }
        fields += [
            FormField(
                name: "region_code", label: "所在地区", kind: .select(regions), required: true, path: o("region_code")),
            FormField(name: "address", label: "地址", kind: .text, path: o("address")),
        ]
        if enterprise {
            fields += [
                FormField(
                    name: "tracks", label: "产业赛道", kind: .checkboxes(FormField.options(IndustryTrack.self)),
                    required: true, path: o("tracks")),
                FormField(
                    name: "qualifications", label: "企业资质",
                    kind: .checkboxes(FormField.options(EnterpriseQualification.self)),
                    path: o("qualifications")),
                FormField(name: "founded_year", label: "成立年份", kind: .number, path: o("founded_year")),
                FormField(name: "summary", label: "企业简介", kind: .textarea, path: o("summary")),
            ]
        }
        fields += [
            FormField(
                name: "contact_name", label: "联系人", kind: .text, required: true,
                path: ["organization", "contact", "name"]),
            FormField(
                name: "contact_phone", label: "联系电话", kind: .text, required: true,
                path: ["organization", "contact", "phone"]),
            FormField(name: "contact_email", label: "电子邮箱", kind: .text, path: ["organization", "contact", "email"]),
        ]
        return fields
    }

    func schema(enterprise: Bool) async throws -> FormSchema {
        let regions = try await organizations.regions(homeProvinceOnly: enterprise).map {
            FormField.Option(value: $0.code, label: $0.name)
        }
        return FormSchema(fields: Self.orgFields(enterprise: enterprise, regions: regions) + Self.accountFields())
    }

    func add(to routes: RouteCollection<AppRequestContext>) {
        for enterprise in [true, false] {
            let path = enterprise ? "/register/enterprise" : "/register/unit"
            routes.get(RouterPath(path)) { request, context in
                try await page(request, context, enterprise: enterprise, values: FormData(), errors: [])
            }
            routes.post(RouterPath(path)) { request, context in
                let form = try await FormData.collect(request, context)
                guard PageSession.anonymousTokenMatches(form, request) else {
                    return try await page(
                        request, context, enterprise: enterprise, values: form,
                        errors: [FieldError(field: "form", code: "csrf", message: "页面已失效，请重新提交")], status: .forbidden)
                }
                let schema = try await schema(enterprise: enterprise)
                do {
                    if enterprise {
                        let body = try schema.decode(
                            OrganizationController.Registration<EnterpriseProfile>.self, from: form)
                        _ = try await organizations.register(
                            body.organization, account: OrganizationController.account(body.account), today: today())
                    } else {
                        let body = try schema.decode(OrganizationController.Registration<UnitProfile>.self, from: form)
                        _ = try await organizations.register(
                            body.organization, account: OrganizationController.account(body.account))
                    }
                    return PageSession.redirect("/login?msg=registered")
                } catch let e as ValidationError {
                    return try await page(
                        request, context, enterprise: enterprise, values: form, errors: e.errors,
                        status: .unprocessableContent)
                }
            }
        }
    }

    func page(
        _ request: Request, _ context: AppRequestContext, enterprise: Bool, values: FormData, errors: [FieldError],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let schema = try await schema(enterprise: enterprise)
        let token = PageSession.anonymousToken(request)
        var ctx = context
        ctx.csrfToken = token
        var response = try renderer.page(
            "register", title: enterprise ? "企业注册" : "派出单位注册", request: request, context: ctx,
            data: [
                "action": enterprise ? "/register/enterprise" : "/register/unit",
                "fields": schema.view(values: values, errors: errors), "formErrors": schema.unplaced(errors),
                "hasErrors": !errors.isEmpty,
            ], status: status)
        PageSession.setAnonymousToken(token, on: &response, request: request, setting: secureCookies)
        return response
    }
}
