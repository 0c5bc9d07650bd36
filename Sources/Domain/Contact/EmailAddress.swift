/// A pragmatically validated e-mail address, stored lowercased so duplicates compare equal.
public struct EmailAddress: Sendable, Hashable {
    public let value: String

    public static let maxLength = 254

    /// Validates and normalises `input`; errors name `field`.
    public init(validating input: String, field: String = "email") throws(ValidationError) {
        let text = TextNormalization.clean(input).lowercased()
        func fail(_ code: String, _ message: String) -> ValidationError {
            ValidationError(FieldError(field: field, code: code, message: message))
        }
        if text.isEmpty { throw fail("required", "请填写电子邮箱") }
        if text.count > Self.maxLength { throw fail("too_long", "电子邮箱不能超过\(Self.maxLength)个字符") }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw fail("format", "电子邮箱应包含且只包含一个@") }
        let local = parts[0]
        let domain = parts[1]
        guard !local.isEmpty, local.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."),
            !local.contains(".."), !local.contains(where: { $0.isWhitespace || "()<>[]\\,;:\"".contains($0) })
        else { throw fail("format", "电子邮箱@前的部分格式不正确") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0 == "-" || $0.isLetter || $0.isNumber }
            }),
            let tld = labels.last, tld.count >= 2, !tld.allSatisfy(\.isNumber)
        else { throw fail("format", "电子邮箱的域名格式不正确（如 name@example.com）") }
        self.value = text
    }
}

extension EmailAddress: CustomStringConvertible {
    public var description: String { value }
}

extension EmailAddress: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try EmailAddress(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
