extension UnitProfile {
    /// Missing keys decode as empty, so `validate` can report every missing field at once; `kind` is required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            kind: try c.decode(OrganizationKind.self, forKey: .kind),
            identifierKind: try c.decodeIfPresent(OrganizationIdentifierKind.self, forKey: .identifierKind) ?? .uscc,
            identifier: try c.decodeIfPresent(String.self, forKey: .identifier) ?? "",
            countryCode: try c.decodeIfPresent(String.self, forKey: .countryCode),
            regionCode: try c.decodeIfPresent(String.self, forKey: .regionCode) ?? "",
            address: try c.decodeIfPresent(String.self, forKey: .address) ?? "",
            contact: try c.decodeIfPresent(ContactPerson.self, forKey: .contact) ?? ContactPerson(name: "", phone: "")
        )
    }
}
