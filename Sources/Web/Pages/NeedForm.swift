import Domain
import Foundation
import Storage

/// The need form (enterprise): the same fields and names as the JSON API's need body.
enum NeedForm {
    static let schema = FormSchema(fields: [
        FormField(name: "title", label: "需求名称", kind: .text, required: true),
        FormField(name: "description", label: "技术难题描述", kind: .textarea, required: true, hint: "说明背景、现状和需要解决的问题"),
        FormField(name: "technical_targets", label: "核心技术指标", kind: .textarea, hint: "需要达到的可量化指标"),
        FormField(
            name: "tracks", label: "所属产业赛道", kind: .checkboxes(FormField.options(IndustryTrack.self)), required: true),
        FormField(name: "discipline_codes", label: "学科代码", kind: .list, hint: "GB/T 13745 学科代码，多个用逗号分隔，如 430, 43050"),
        FormField(name: "keywords", label: "关键词", kind: .list, hint: "多个用逗号或顿号分隔"),
        FormField(name: "budget", label: "预算（元）", kind: .decimal),
        FormField(name: "deadline", label: "期望完成日期", kind: .date),
        FormField(name: "experts_needed", label: "需要专家人数", kind: .number, required: true),
        FormField(
            name: "expected_outcomes", label: "预期成果", kind: .checkboxes(FormField.options(ExpectedOutcome.self))),
        FormField(name: "ip_arrangement", label: "知识产权约定", kind: .select(FormField.options(IPArrangement.self))),
        FormField(name: "preferred_expert_id", label: "点将专家编号", kind: .number, hint: "企业点将：如有意向专家，填写其编号"),
        FormField(name: "confidential", label: "保密需求（仅项目办和被推荐专家可见）", kind: .checkbox),
        FormField(name: "accepts_out_of_province", label: "接受省外专家", kind: .checkbox),
    ])

    /// A new need's starting values.
    static let blank = FormData([("experts_needed", "1"), ("accepts_out_of_province", "on")])

    /// The stored need as form values, for the edit page.
    static func values(_ need: StoredNeed) -> FormData {
        let d = need.draft
        var pairs: [(String, String)] = [
            ("title", d.title), ("description", d.description), ("technical_targets", d.technicalTargets),
            ("discipline_codes", d.disciplineCodes.joined(separator: ", ")),
            ("keywords", d.keywords.joined(separator: "、")), ("experts_needed", String(d.expertsNeeded)),
        ]
        pairs += d.tracks.map { ("tracks", $0.code) }
        pairs += d.expectedOutcomes.map { ("expected_outcomes", $0.code) }
        if let b = d.budget { pairs.append(("budget", "\(b)")) }
        if let x = d.deadline { pairs.append(("deadline", x.description)) }
        if let ip = d.ipArrangement { pairs.append(("ip_arrangement", ip.code)) }
        if let p = need.preferredExpertID { pairs.append(("preferred_expert_id", String(p))) }
        if d.confidential { pairs.append(("confidential", "on")) }
        if d.acceptsOutOfProvince { pairs.append(("accepts_out_of_province", "on")) }
        return FormData(pairs)
    }
}
