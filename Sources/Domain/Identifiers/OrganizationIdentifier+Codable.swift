extension OrganizationIdentifier: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, value
        case countryCode = "country_code"
    }

    /// Decodes `{"kind": "uscc", "value": "…"}` and validates it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(OrganizationIdentifierKind.self, forKey: .kind)
        let value = try container.decode(String.self, forKey: .value)
        let country = try container.decodeIfPresent(String.self, forKey: .countryCode)
        do {
            try self.init(kind: kind, value: value, countryCode: country)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(countryCode, forKey: .countryCode)
    }
}
