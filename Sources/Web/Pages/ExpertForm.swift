import Domain
import Foundation
import Storage

/// The expert profile form, shared by the unit admin's add/edit pages and the expert's own page.
enum ExpertForm {
    static let schema = FormSchema(fields: [
        FormField(name: "name", label: "姓名", kind: .text, required: true),
        FormField(name: "degree", label: "学历学位", kind: .select(FormField.options(Degree.self)), required: true),
        FormField(
            name: "title_level", label: "职称级别", kind: .select(FormField.options(TitleLevel.self)), required: true),
        FormField(name: "title_name", label: "职称名称", kind: .text, hint: "如 教授、研究员"),
        FormField(name: "birth_year", label: "出生年份", kind: .number, required: true),
        FormField(
            name: "discipline_codes", label: "学科代码", kind: .list, required: true, hint: "GB/T 13745 学科代码，多个用逗号分隔"),
        FormField(
            name: "tracks", label: "服务产业赛道", kind: .checkboxes(FormField.options(IndustryTrack.self)), required: true),
        FormField(name: "keywords", label: "研究方向关键词", kind: .list, hint: "多个用逗号或顿号分隔"),
        FormField(name: "summary", label: "研究方向与专长", kind: .textarea),
        FormField(name: "achievements", label: "可转化成果", kind: .list, hint: "每项一行或用分号分隔"),
        FormField(name: "patents", label: "专利", kind: .list, hint: "每项一行或用分号分隔"),
        FormField(name: "holds_management_post", label: "担任领导职务", kind: .checkbox),
        FormField(name: "talent_enclave", label: "人才飞地", kind: .checkbox),
        FormField(name: "capacity", label: "可同时服务企业数", kind: .number),
        FormField(name: "available_from", label: "可服务开始日期", kind: .date),
        FormField(name: "available_to", label: "可服务截止日期", kind: .date),
        FormField(name: "mobile", label: "手机号码", kind: .text, required: true, hint: "仅项目办和本单位可见"),
        FormField(name: "email", label: "电子邮箱", kind: .text, required: true, hint: "仅项目办和本单位可见"),
    ])

    static let blank = FormData([("capacity", "1")])

    /// Saves a posted profile over expert `id` (unit admin or the expert): nil when saved, else the field errors.
    static func update(
        _ id: Int, from form: FormData, experts: ExpertStore, by identity: Identity, audit: AuditContext,
        today: LocalDate
    ) async throws -> [FieldError]? {
        do {
            let body = try schema.decode(ExpertController.Body.self, from: form) { $0.profile.validate(today: today) }
            _ = try await experts.update(id, body.profile, body.extras, by: identity, audit: audit, today: today)
            return nil
        } catch let e as ValidationError {
            return e.errors
        }
    }

    static func values(_ e: StoredExpert) -> FormData {
        let p = e.profile
        let x = e.extras
        var pairs: [(String, String)] = [
            ("name", p.name), ("title_name", p.titleName ?? ""),
            ("discipline_codes", p.disciplineCodes.joined(separator: ", ")),
            ("keywords", p.keywords.joined(separator: "、")), ("summary", p.summary), ("mobile", p.mobile),
            ("email", p.email), ("achievements", (x.achievements ?? []).joined(separator: "\n")),
            ("patents", (x.patents ?? []).joined(separator: "\n")),
        ]
        if let d = p.degree { pairs.append(("degree", d.code)) }
        if let t = p.titleLevel { pairs.append(("title_level", t.code)) }
        if let y = p.birthYear { pairs.append(("birth_year", String(y))) }
        pairs += p.tracks.map { ("tracks", $0.code) }
        if p.holdsManagementPost { pairs.append(("holds_management_post", "on")) }
        if x.talentEnclave == true { pairs.append(("talent_enclave", "on")) }
        if let c = x.capacity { pairs.append(("capacity", String(c))) }
        if let f = x.availableFrom { pairs.append(("available_from", f.description)) }
        if let t = x.availableTo { pairs.append(("available_to", t.description)) }
        return FormData(pairs)
    }

    /// The list/summary row of an expert.
    static func row(_ e: StoredExpert) -> [String: Any] {
        [
            "id": e.id, "name": e.profile.name, "title": e.profile.titleName ?? (e.profile.titleLevel?.label ?? ""),
            "degree": e.profile.degree?.label ?? "", "status": e.status.label, "statusCode": e.status.code,
            "keywords": e.profile.keywords.prefix(5).joined(separator: "、"), "unit": e.profile.unitName,
            "approvable": ExpertStatus.transitions[e.status]?.contains(.approved) ?? false,
        ]
    }
}
