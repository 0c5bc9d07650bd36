import Domain
import Foundation
import Hummingbird
import Storage

/// The organization's own profile page (enterprise or dispatching unit): view and edit.
struct OrganizationProfilePages {
    let organizations: OrganizationStore
    let renderer: PageRenderer
    let today: @Sendable () -> LocalDate

    static func schema(enterprise: Bool, regions: [FormField.Option]) -> FormSchema {
        var fields = [
            FormField(name: "region_code", label: "所在地区", kind: .select(regions), required: true),
            FormField(name: "address", label: "地址", kind: .text),
        ]
        if enterprise {
            fields += [
                FormField(
                    name: "tracks", label: "产业赛道", kind: .checkboxes(FormField.options(IndustryTrack.self)),
                    required: true),
                FormField(
                    name: "qualifications", label: "企业资质",
                    kind: .checkboxes(FormField.options(EnterpriseQualification.self))),
                FormField(name: "founded_year", label: "成立年份", kind: .number),
            ]
        }
        fields += [
            FormField(name: "summary", label: enterprise ? "企业简介" : "单位简介", kind: .textarea),
            FormField(name: "contact_name", label: "联系人", kind: .text, required: true, path: ["contact", "name"]),
            FormField(name: "contact_phone", label: "联系电话", kind: .text, required: true, path: ["contact", "phone"]),
            FormField(name: "contact_email", label: "电子邮箱", kind: .text, path: ["contact", "email"]),
        ]
        return FormSchema(fields: fields)
    }

    static func values(_ o: OrganizationDetail) -> FormData {
        var pairs: [(String, String)] = [
            ("region_code", o.regionCode), ("address", o.address), ("summary", o.summary),
            ("contact_name", o.contactName), ("contact_phone", o.contactPhone), ("contact_email", o.contactEmail),
        ]
        pairs += o.tracks.map { ("tracks", $0) } + o.qualifications.map { ("qualifications", $0) }
        if let y = o.foundedYear { pairs.append(("founded_year", String(y))) }
        return FormData(pairs)
    }

    func add(to routes: RouteCollection<AppRequestContext>, path: String, role: Identity.Role) {
        routes.get(RouterPath(path)) { request, context in
            let (identity, org) = try member(context, role)
            let detail = try await organizations.detail(org, by: identity)
            return try page(
                request, context, path: path, detail: detail, values: Self.values(detail), errors: [],
                regions: try await regions(detail.isEnterprise))
        }
        routes.post(RouterPath(path)) { request, context in
            let (identity, org) = try member(context, role)
            let form = try await FormData.read(request, context)
            let schema = Self.schema(enterprise: role == .enterprise, regions: try await regions(role == .enterprise))
            do {
                let edit = try schema.decode(OrganizationEdit.self, from: form)
                _ = try await organizations.updateProfile(
                    org, edit, by: identity, audit: context.audit(identity), today: today())
                return PageSession.redirect(path + "?msg=saved")
            } catch let e as ValidationError {
                let detail = try await organizations.detail(org, by: identity)
                return try page(
                    request, context, path: path, detail: detail, values: form, errors: e.errors,
                    regions: try await regions(detail.isEnterprise), status: .unprocessableContent)
            }
        }
    }

    func regions(_ enterprise: Bool) async throws -> [FormField.Option] {
        try await organizations.regions(homeProvinceOnly: enterprise).map { .init(value: $0.code, label: $0.name) }
    }

    func member(_ context: AppRequestContext, _ role: Identity.Role) throws -> (Identity, Int) {
        let identity = try context.requireIdentity()
        guard identity.role == role, let org = identity.organizationID else {
            throw StorageError.forbidden("该页面仅供本单位用户使用")
        }
        return (identity, org)
    }

    func page(
        _ request: Request, _ context: AppRequestContext, path: String, detail: OrganizationDetail, values: FormData,
        errors: [FieldError], regions: [FormField.Option], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let schema = Self.schema(enterprise: detail.isEnterprise, regions: regions)
        let data: [String: Any] = [
            "action": path, "fields": schema.view(values: values, errors: errors),
            "formErrors": schema.unplaced(errors), "hasErrors": !errors.isEmpty,
            "org": [
                "name": detail.name, "identifier": detail.identifier,
                "kind": OrganizationKind(rawValue: detail.kind)?.label ?? detail.kind,
                "status": OrganizationStatus(rawValue: detail.status)?.label ?? detail.status,
                "aliases": PageFormat.text(detail.aliases.joined(separator: "、")),
            ],
        ]
        return try renderer.page(
            "org-profile", title: detail.isEnterprise ? "企业信息" : "单位信息", request: request, context: context, data: data,
            status: status)
    }
}
