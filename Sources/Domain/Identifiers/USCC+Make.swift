extension USCC {
    /// Builds a valid code from its parts, computing both check characters.
    ///
    /// `organizationCodeBody` is the 8-character body of the GB 11714 organization code.
    public static func make(
        registrationAuthority: Character = "9",
        organizationType: Character = "1",
        divisionCode: String,
        organizationCodeBody: String
    ) throws(ValidationError) -> USCC {
        let body = normalize(organizationCodeBody)
        guard let orgCheck = OrganizationCode.checkDigit(forBody: body) else {
            throw ValidationError(
                FieldError(field: "organization_code", code: "invalid", message: "组织机构代码本体应为8位数字或字母"))
        }
        let first17 = "\(registrationAuthority)\(organizationType)\(normalize(divisionCode))\(body)\(orgCheck)"
        guard let check = checkCharacter(for: first17) else {
            throw ValidationError(
                FieldError(field: "uscc", code: "invalid", message: "统一社会信用代码的组成部分不合法"))
        }
        return try USCC(validating: first17 + String(check))
    }

    /// Builds a valid company code (`91…`) whose organization code body is `serial` zero-padded to 8 digits.
    ///
    /// Demo data and tests use this to get many distinct valid codes.
    public static func make(divisionCode: String, serial: Int) throws(ValidationError) -> USCC {
        let digits = String(serial)
        guard serial >= 0, digits.count <= 8 else {
            throw ValidationError(FieldError(field: "serial", code: "range", message: "序号应在0至99999999之间"))
        }
        let body = String(repeating: "0", count: 8 - digits.count) + digits
        return try make(divisionCode: divisionCode, organizationCodeBody: body)
    }
}
