/// An organization's registration identifier: a USCC on the mainland, otherwise the local registry's number.
public enum OrganizationIdentifier: Sendable, Hashable {
    case uscc(USCC)
    /// 香港商业登记号码: the 8-digit BR number.
    case hkBusinessRegistration(String)
    /// 澳门商业登记编号.
    case macaoRegistration(String)
    /// A foreign registry number with the ISO 3166-1 alpha-2 country code.
    case foreign(countryCode: String, number: String)
    case other(String)

    public static let maxLength = 50

    public var kind: OrganizationIdentifierKind {
        switch self {
        case .uscc: .uscc
        case .hkBusinessRegistration: .hkBusinessRegistration
        case .macaoRegistration: .macaoRegistration
        case .foreign: .foreign
        case .other: .other
        }
    }

    /// The identifier text as stored and shown.
    public var value: String {
        switch self {
        case .uscc(let code): code.value
        case .hkBusinessRegistration(let number), .macaoRegistration(let number), .other(let number): number
        case .foreign(_, let number): number
        }
    }

    public var countryCode: String? {
        if case .foreign(let country, _) = self { return country }
        return nil
    }

    /// Validates `value` as an identifier of `kind`; errors name `field` (and `country_code`).
    public init(
        kind: OrganizationIdentifierKind, value: String, countryCode: String? = nil, field: String = "identifier"
    ) throws(ValidationError) {
        switch kind {
        case .uscc:
            self = .uscc(try USCC(validating: value, field: field))
        case .hkBusinessRegistration:
            self = .hkBusinessRegistration(try Self.hongKongBR(value, field: field))
        case .macaoRegistration:
            self = .macaoRegistration(try Self.permissive(value, field: field, label: kind.label))
        case .other:
            self = .other(try Self.permissive(value, field: field, label: kind.label))
        case .foreign:
            var errors = ValidationErrorBuilder()
            let number = errors.collect { () throws(ValidationError) in
                try Self.permissive(value, field: field, label: kind.label)
            }
            let country = TextNormalization.compact(countryCode ?? "").uppercased()
            if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
                errors.add("country_code", "invalid", "请填写两位国家或地区代码（ISO 3166，如 US、DE、SG）")
            }
            try errors.throwIfAny()
            self = .foreign(countryCode: country, number: number!)
        }
    }

    static func hongKongBR(_ input: String, field: String) throws(ValidationError) -> String {
        var text = TextNormalization.compact(input)
        // The full certificate number (12345678-000-01-23-4) starts with the 8-digit BR number.
        if let dash = text.firstIndex(of: "-"), text.distance(from: text.startIndex, to: dash) == 8 {
            text = String(text[..<dash])
        }
        if text.isEmpty {
            throw ValidationError(FieldError(field: field, code: "required", message: "请填写香港商业登记号码"))
        }
        guard text.count == 8, text.allSatisfy(\.isASCIIDigit) else {
            throw ValidationError(FieldError(field: field, code: "format", message: "香港商业登记号码应为8位数字"))
        }
        return text
    }

    static func permissive(_ input: String, field: String, label: String) throws(ValidationError) -> String {
        let text = TextNormalization.clean(input).uppercased()
        if text.isEmpty {
            throw ValidationError(FieldError(field: field, code: "required", message: "请填写\(label)"))
        }
        if text.count > maxLength {
            throw ValidationError(FieldError(field: field, code: "too_long", message: "\(label)不能超过\(maxLength)个字符"))
        }
        if text.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 32 } ?? false) }) {
            throw ValidationError(FieldError(field: field, code: "illegal_character", message: "\(label)含有不允许的字符"))
        }
        return text
    }
}
