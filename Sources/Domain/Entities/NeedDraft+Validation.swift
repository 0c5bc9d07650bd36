import Foundation

extension NeedDraft {
    public static let maxTitleLength = 100
    public static let maxDescriptionLength = 5000
    public static let maxExpertsNeeded = 10
    /// The largest budget the `numeric(14, 2)` column holds, in yuan.
    public static let maxBudget: Decimal = 999_999_999_999

    /// Every field error at once; the deadline must be after `today`.
    public func validate(today: LocalDate) -> [FieldError] {
        var errors = ValidationErrorBuilder()
        _ = normalized(into: &errors, today: today)
        return errors.errors
    }

    /// A copy with trimmed text and normalised codes, or all the field errors.
    public func validated(today: LocalDate) throws(ValidationError) -> NeedDraft {
        var errors = ValidationErrorBuilder()
        let result = normalized(into: &errors, today: today)
        try errors.throwIfAny()
        return result
    }

    func normalized(into errors: inout ValidationErrorBuilder, today: LocalDate) -> NeedDraft {
        var copy = self
        copy.title = errors.require(title, field: "title", label: "需求名称") ?? ""
        errors.checkLength(
            copy.title, field: "title", label: "需求名称", max: Self.maxTitleLength, min: copy.title.isEmpty ? 0 : 4)
        copy.description = errors.require(description, field: "description", label: "问题描述") ?? ""
        errors.checkLength(copy.description, field: "description", label: "问题描述", max: Self.maxDescriptionLength)
        copy.technicalTargets = TextNormalization.trim(technicalTargets)
        errors.checkLength(copy.technicalTargets, field: "technical_targets", label: "技术指标", max: 2000)
        if tracks.isEmpty { errors.add("tracks", "required", "请选择至少一个产业方向") }
        copy.disciplineCodes = DisciplineCode.validate(disciplineCodes, field: "discipline_codes", into: &errors)
        copy.keywords = errors.list(keywords, field: "keywords", label: "关键词", maxCount: 20, maxLength: 30)
        if let budget, budget < 0 {
            errors.add("budget", "negative", "预算不能为负数")
        } else if let budget, budget > Self.maxBudget {
            errors.add("budget", "too_large", "预算不能超过\(Self.maxBudget)元")
        }
        if let deadline, deadline <= today {
            errors.add("deadline", "not_in_future", "截止日期应晚于今天（\(today)）")
        }
        if !(1...Self.maxExpertsNeeded).contains(expertsNeeded) {
            errors.add("experts_needed", "out_of_range", "需要专家人数应在1至\(Self.maxExpertsNeeded)之间")
        }
        return copy
    }

    /// Parses a budget cell: `50000`, `50,000.00`, `5万`, `¥50000`, `50000元`.
    public static func parseBudget(_ text: String) -> Decimal? {
        var cleaned = TextNormalization.compact(text).replacingOccurrences(of: ",", with: "")
        for symbol in ["¥", "￥", "元", "RMB", "rmb"] {
            cleaned = cleaned.replacingOccurrences(of: symbol, with: "")
        }
        var multiplier: Decimal = 1
        if cleaned.hasSuffix("万") {
            cleaned.removeLast()
            multiplier = 10_000
        }
        var body = Substring(cleaned)
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard !body.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            let value = Decimal(string: String(body), locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        return (negative ? -value : value) * multiplier
    }
}
