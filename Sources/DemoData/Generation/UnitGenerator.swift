import Domain

/// Builds the dispatching units from `UnitCatalog`, with synthetic identifiers and contacts.
enum UnitGenerator {
    static func make(using rng: inout SplitMix64, contacts: inout ContactFactory) -> [DemoUnit] {
        UnitCatalog.specs.enumerated().map { offset, spec in
            let number = offset + 1
            let (kind, identifier) = identifier(for: spec, number: number, using: &rng)
            let person = PersonNames.make(using: &rng)
            let contact = ContactPerson(
                name: person.name, phone: spec.phonePrefix + Format.padded(rng.int(in: 1000...9999), 4),
                email: contacts.email(pinyin: "kjc.\(person.pinyin)", domain: spec.domain))
            let profile = UnitProfile(
                name: spec.name, kind: spec.kind, identifierKind: kind, identifier: identifier,
                regionCode: spec.regionCode, address: spec.address, contact: contact)
            return DemoUnit(
                id: Format.id("unit", number, width: 2), profile: profile,
                outOfProvince: !spec.regionCode.hasPrefix("22"),
                greaterBayArea: spec.greaterBayArea, emailDomain: spec.domain, strengths: spec.strengths)
        }
    }

    /// Public institutions get a `12…` code (机构编制, 事业单位); new R&D institutions a `52…` (民政, 民办非企业).
    private static func identifier(
        for spec: UnitCatalog.Spec, number: Int, using rng: inout SplitMix64
    ) -> (OrganizationIdentifierKind, String) {
        switch spec.regionCode {
        case "81":
            return (.hkBusinessRegistration, "3" + Format.padded(rng.int(in: 0...9_999_999), 7))
        case "82":
            return (.macaoRegistration, "MO-" + Format.padded(rng.int(in: 0...999_999), 6))
        default:
            let authority: Character = spec.kind == .rndInstitution ? "5" : "1"
            let body = "4" + Format.padded(number * 10_007 + rng.int(in: 0...9_999), 7)
            // The catalog's division codes and bodies are valid by construction.
            let code = try! USCC.make(
                registrationAuthority: authority, organizationType: "2", divisionCode: spec.divisionCode ?? "",
                organizationCodeBody: body)
            return (.uscc, code.value)
        }
    }
}
