/// Field checks shared by the intake entities.
extension ValidationErrorBuilder {
    /// Validates a phone number; returns the normalised text, or nil when missing or bad.
    public mutating func phone(_ value: String?, field: String, required: Bool, mobileOnly: Bool = false) -> String? {
        let text = value.map(TextNormalization.clean) ?? ""
        if text.isEmpty {
            if required { add(field, "required", mobileOnly ? "请填写手机号码" : "请填写联系电话") }
            return nil
        }
        guard let number = collect({ () throws(ValidationError) in try PhoneNumber(validating: text, field: field) })
        else {
            return nil
        }
        if mobileOnly, !number.isMobile {
            add(field, "not_mobile", "请填写手机号码（可接收短信）")
            return nil
        }
        return number.value
    }

    /// Validates an e-mail address; returns the normalised text, or nil when missing or bad.
    public mutating func email(_ value: String?, field: String, required: Bool) -> String? {
        let text = value.map(TextNormalization.clean) ?? ""
        if text.isEmpty {
            if required { add(field, "required", "请填写电子邮箱") }
            return nil
        }
        return collect { () throws(ValidationError) in try EmailAddress(validating: text, field: field) }?.value
    }

    /// Checks that a year lies in `range`.
    public mutating func year(_ value: Int?, field: String, label: String, in range: ClosedRange<Int>, required: Bool) {
        guard let value else {
            if required { add(field, "required", "请填写\(label)") }
            return
        }
        if !range.contains(value) {
            add(field, "out_of_range", "\(label)应在\(range.lowerBound)至\(range.upperBound)之间")
        }
    }

    /// Cleans a free-text list (keywords), checking the count and each item's length.
    public mutating func list(_ values: [String], field: String, label: String, maxCount: Int, maxLength: Int)
        -> [String]
    {
        let cleaned = values.map(TextNormalization.trim).filter { !$0.isEmpty }
        if cleaned.count > maxCount {
            add(field, "too_many", "\(label)最多\(maxCount)个")
        }
        if cleaned.contains(where: { $0.count > maxLength }) {
            add(field, "too_long", "每个\(label)不能超过\(maxLength)个字")
        }
        return cleaned
    }
}

extension ValidationErrorBuilder {
    /// Validates an organization identifier under the field `identifier` (and `country_code`).
    public mutating func organizationIdentifier(
        kind: OrganizationIdentifierKind, value: String, countryCode: String?
    ) -> OrganizationIdentifier? {
        collect { () throws(ValidationError) in
            try OrganizationIdentifier(kind: kind, value: value, countryCode: countryCode, field: "identifier")
        }
    }
}
