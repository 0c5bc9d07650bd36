extension USCC {
    /// The 31 characters allowed by GB 32100-2015 (no I, O, S, V, Z); a character's index is its value.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// The weights of positions 1–17 (3^(i-1) mod 31).
    public static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    static let values: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })

    /// Trims, removes inner spaces, converts full-width characters and uppercases.
    public static func normalize(_ input: String) -> String {
        TextNormalization.compact(input).uppercased()
    }

    /// The check character for the first 17 characters, or nil if they are not 17 valid characters.
    public static func checkCharacter(for first17: String) -> Character? {
        let chars = Array(first17)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (char, weight) in zip(chars, weights) {
            guard let value = values[char] else { return nil }
            sum += value * weight
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Validates `input` and returns the normalised code, reporting every problem found.
    public static func validate(_ input: String, field: String = "uscc") throws(ValidationError) -> String {
        let code = normalize(input)
        if code.isEmpty {
            throw ValidationError(FieldError(field: field, code: "required", message: "请填写统一社会信用代码"))
        }
        let chars = Array(code)
        var errors = ValidationErrorBuilder()
        for (offset, char) in chars.enumerated() where values[char] == nil {
            errors.add(field, "illegal_character", "统一社会信用代码第\(offset + 1)位“\(char)”不是允许的字符（不含I、O、S、V、Z）")
        }
        if chars.count != 18 {
            errors.add(field, "length", "统一社会信用代码应为18位，现为\(chars.count)位")
        }
        try errors.throwIfAny()
        if !chars[2..<8].allSatisfy(\.isASCIIDigit) {
            errors.add(field, "division_code", "统一社会信用代码第3至8位应为行政区划代码（6位数字）")
        }
        if OrganizationCode.checkDigit(forBody: String(chars[8..<16])) != chars[16] {
            errors.add(field, "organization_code_check", "统一社会信用代码第9至17位（组织机构代码）的校验位不正确")
        }
        if checkCharacter(for: String(chars[0..<17])) != chars[17] {
            errors.add(field, "check_character", "统一社会信用代码第18位校验码不正确，请核对")
        }
        try errors.throwIfAny()
        return code
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
