extension ExpertProfile {
    public static let maxNameLength = 50
    public static let maxSummaryLength = 2000

    /// Every field error at once; `today` bounds the birth year (ages 18 to 80).
    public func validate(today: LocalDate) -> [FieldError] {
        var errors = ValidationErrorBuilder()
        _ = normalized(into: &errors, today: today)
        return errors.errors
    }

    /// A copy with trimmed text and normalised phone, e-mail and codes, or all the field errors.
    public func validated(today: LocalDate) throws(ValidationError) -> ExpertProfile {
        var errors = ValidationErrorBuilder()
        let result = normalized(into: &errors, today: today)
        try errors.throwIfAny()
        return result
    }

    func normalized(into errors: inout ValidationErrorBuilder, today: LocalDate) -> ExpertProfile {
        var copy = self
        copy.name = errors.require(name, field: "name", label: "姓名") ?? ""
        errors.checkLength(copy.name, field: "name", label: "姓名", max: Self.maxNameLength)
        copy.unitName = errors.require(unitName, field: "unit_name", label: "所在单位") ?? ""
        errors.checkLength(copy.unitName, field: "unit_name", label: "所在单位", max: 100)
        if degree == nil { errors.add("degree", "required", "请选择学历") }
        if titleLevel == nil { errors.add("title_level", "required", "请选择职称级别") }
        copy.titleName = titleName.map(TextNormalization.trim).flatMap { $0.isEmpty ? nil : $0 }
        errors.checkLength(copy.titleName, field: "title_name", label: "职称名称", max: 50)
        errors.year(
            birthYear, field: "birth_year", label: "出生年份", in: (today.year - 80)...(today.year - 18), required: true)
        if disciplineCodes.isEmpty { errors.add("discipline_codes", "required", "请填写至少一个学科代码") }
        copy.disciplineCodes = DisciplineCode.validate(disciplineCodes, field: "discipline_codes", into: &errors)
        if tracks.isEmpty { errors.add("tracks", "required", "请选择至少一个产业方向") }
        copy.keywords = errors.list(keywords, field: "keywords", label: "关键词", maxCount: 20, maxLength: 30)
        copy.summary = TextNormalization.trim(summary)
        errors.checkLength(copy.summary, field: "summary", label: "研究简介", max: Self.maxSummaryLength)
        copy.mobile = errors.phone(mobile, field: "mobile", required: true, mobileOnly: true) ?? copy.mobile
        copy.email = errors.email(email, field: "email", required: true) ?? copy.email
        copy.regionCode = RegionCode.validate(regionCode, field: "region_code", required: false, into: &errors)
        return copy
    }

    /// Meets the default eligibility bar on qualifications: a PhD or a title of 副高 and above.
    public var meetsQualificationBar: Bool {
        degree == .phd || (titleLevel?.isSeniorOrAssociate ?? false)
    }

    /// The age reached in the year of `date`, computed from the birth year as the rules say.
    public func age(on date: LocalDate) -> Int? {
        birthYear.map { date.year - $0 }
    }
}
