/// What a dispatching unit (派出单位: university, institute, new R&D institution) fills in to register.
public struct UnitProfile: Sendable, Codable, Equatable {
    public var name: String
    public var kind: OrganizationKind
    public var identifierKind: OrganizationIdentifierKind
    public var identifier: String
    public var countryCode: String?
    /// 6-digit city code in the province, or the 2-digit province code for out-of-province units.
    public var regionCode: String
    public var address: String
    public var contact: ContactPerson

    public init(
        name: String, kind: OrganizationKind, identifierKind: OrganizationIdentifierKind = .uscc, identifier: String,
        countryCode: String? = nil, regionCode: String, address: String = "", contact: ContactPerson
    ) {
        self.name = name
        self.kind = kind
        self.identifierKind = identifierKind
        self.identifier = identifier
        self.countryCode = countryCode
        self.regionCode = regionCode
        self.address = address
        self.contact = contact
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, identifier, address, contact
        case identifierKind = "identifier_kind"
        case countryCode = "country_code"
        case regionCode = "region_code"
    }
}

extension UnitProfile {
    /// Every field error at once.
    public func validate() -> [FieldError] {
        var errors = ValidationErrorBuilder()
        _ = normalized(into: &errors)
        return errors.errors
    }

    /// A normalised copy, or all the field errors.
    public func validated() throws(ValidationError) -> UnitProfile {
        var errors = ValidationErrorBuilder()
        let result = normalized(into: &errors)
        try errors.throwIfAny()
        return result
    }

    func normalized(into errors: inout ValidationErrorBuilder) -> UnitProfile {
        var copy = self
        copy.name = errors.require(name, field: "name", label: "单位名称") ?? ""
        errors.checkLength(copy.name, field: "name", label: "单位名称", max: 100)
        if !kind.isDispatchingUnit {
            errors.add("kind", "invalid_choice", "派出单位类型应为高校、科研院所或新型研发机构")
        }
        if let id = errors.organizationIdentifier(kind: identifierKind, value: identifier, countryCode: countryCode) {
            copy.identifier = id.value
            copy.countryCode = id.countryCode
        }
        copy.regionCode = RegionCode.validate(regionCode, field: "region_code", required: true, into: &errors) ?? ""
        copy.address = TextNormalization.trim(address)
        errors.checkLength(copy.address, field: "address", label: "地址", max: 200)
        copy.contact = contact.normalized(into: &errors, emailRequired: true)
        return copy
    }
}
