/// A validated telephone number: mainland mobile or landline, Hong Kong or Macao.
public struct PhoneNumber: Sendable, Hashable {
    /// Where the number is and what kind it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case mobile
        case landline
        case hongKong = "hong_kong"
        case macao
    }

    public let kind: Kind
    /// Normalised text: `13912345678`, `0431-88881234`, `0431-88881234-123`, `+85291234567`, `+85361234567`.
    public let value: String

    init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    /// Validates and normalises `input`; errors name `field`.
    public init(validating input: String, field: String = "phone") throws(ValidationError) {
        self = try PhoneNumberParser.parse(input, field: field)
    }

    /// Whether the number can receive SMS (mainland, Hong Kong and Macao mobiles).
    public var isMobile: Bool {
        switch kind {
        case .mobile: true
        case .landline: false
        case .hongKong: value.dropFirst(4).first.map { "4569".contains($0) } ?? false
        case .macao: value.dropFirst(4).first == "6"
        }
    }
}

extension PhoneNumber: CustomStringConvertible {
    public var description: String { value }
}

extension PhoneNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try PhoneNumber(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
