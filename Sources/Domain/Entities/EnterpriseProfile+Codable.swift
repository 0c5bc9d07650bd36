extension EnterpriseProfile {
    /// Missing keys decode as empty or default, so `validate` can report every missing field at once.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            identifierKind: try c.decodeIfPresent(OrganizationIdentifierKind.self, forKey: .identifierKind) ?? .uscc,
            identifier: try c.decodeIfPresent(String.self, forKey: .identifier) ?? "",
            countryCode: try c.decodeIfPresent(String.self, forKey: .countryCode),
            regionCode: try c.decodeIfPresent(String.self, forKey: .regionCode) ?? "",
            address: try c.decodeIfPresent(String.self, forKey: .address) ?? "",
            tracks: try c.decodeIfPresent([IndustryTrack].self, forKey: .tracks) ?? [],
            qualifications: try c.decodeIfPresent([EnterpriseQualification].self, forKey: .qualifications) ?? [],
            foundedYear: try c.decodeIfPresent(Int.self, forKey: .foundedYear),
            summary: try c.decodeIfPresent(String.self, forKey: .summary) ?? "",
            contact: try c.decodeIfPresent(ContactPerson.self, forKey: .contact) ?? ContactPerson(name: "", phone: "")
        )
    }
}
