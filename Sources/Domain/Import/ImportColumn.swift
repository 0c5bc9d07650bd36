import Foundation

/// One column of an import template: its API key, its Chinese header and other accepted headers.
public struct ImportColumn: Sendable, Equatable {
    /// The snake_case key, also accepted as a header and used as the field name in issues.
    public var key: String
    /// The Chinese header written in the template.
    public var header: String
    public var aliases: [String]
    public var isRequired: Bool

    public init(_ key: String, _ header: String, aliases: [String] = [], required: Bool = false) {
        self.key = key
        self.header = header
        self.aliases = aliases
        self.isRequired = required
    }

    /// The header as written in the template: required columns carry a `*`.
    public var templateHeader: String { isRequired ? header + "*" : header }

    /// Whether a header cell names this column.
    func matches(normalizedHeader: String) -> Bool {
        ([key, header] + aliases).contains { ImportColumn.normalize($0) == normalizedHeader }
    }

    /// Folds full-width forms, drops spaces, `*` and “(必填)” markers, lowercases.
    static func normalize(_ header: String) -> String {
        var text = TextNormalization.compact(header).lowercased()
        text = text.replacingOccurrences(of: "(必填)", with: "").replacingOccurrences(of: "(选填)", with: "")
        return text.trimmingCharacters(in: CharacterSet(charactersIn: "*"))
    }

    public static let expertColumns: [ImportColumn] = [
        ImportColumn("name", "姓名", required: true),
        ImportColumn("unit_name", "所在单位", aliases: ["工作单位", "单位", "派出单位", "单位名称"], required: true),
        ImportColumn("degree", "学历", aliases: ["最高学历", "学位", "最高学位"], required: true),
        ImportColumn("title_level", "职称", aliases: ["职称级别"], required: true),
        ImportColumn("title_name", "职称名称", aliases: ["具体职称"]),
        ImportColumn("birth_year", "出生年份", aliases: ["出生年"], required: true),
        ImportColumn("discipline_codes", "学科代码", aliases: ["学科"], required: true),
        ImportColumn("tracks", "产业方向", aliases: ["产业领域"], required: true),
        ImportColumn("keywords", "研究方向关键词", aliases: ["关键词", "研究方向"]),
        ImportColumn("summary", "研究简介", aliases: ["简介", "个人简介"]),
        ImportColumn("mobile", "手机", aliases: ["手机号", "手机号码"], required: true),
        ImportColumn("email", "邮箱", aliases: ["电子邮箱", "e-mail", "电子邮件"], required: true),
        ImportColumn("holds_management_post", "是否担任管理职务", aliases: ["担任管理职务"], required: true),
        ImportColumn("region_code", "所在地区代码", aliases: ["地区代码", "行政区划代码"]),
    ]

    public static let needColumns: [ImportColumn] = [
        ImportColumn("enterprise_name", "企业名称", required: true),
        ImportColumn("enterprise_uscc", "统一社会信用代码", aliases: ["信用代码", "uscc"]),
        ImportColumn("title", "需求名称", aliases: ["需求标题"], required: true),
        ImportColumn("description", "问题描述", aliases: ["需求描述"], required: true),
        ImportColumn("technical_targets", "技术指标"),
        ImportColumn("tracks", "产业方向", aliases: ["产业领域"], required: true),
        ImportColumn("discipline_codes", "学科代码", aliases: ["学科"]),
        ImportColumn("keywords", "关键词"),
        ImportColumn("budget", "预算（元）", aliases: ["预算", "预算金额"]),
        ImportColumn("deadline", "截止日期", aliases: ["截止时间"]),
        ImportColumn("confidential", "是否保密", aliases: ["保密"]),
        ImportColumn("accepts_out_of_province", "是否接受域外专家", aliases: ["接受域外专家"]),
        ImportColumn("expected_outcomes", "期望成果", aliases: ["预期成果"]),
        ImportColumn("ip_arrangement", "知识产权约定", aliases: ["知识产权归属"]),
        ImportColumn("experts_needed", "需要专家人数", aliases: ["专家人数"]),
    ]
}
