/// What an enterprise (企业) fills in to register.
public struct EnterpriseProfile: Sendable, Codable, Equatable {
    public var name: String
    public var identifierKind: OrganizationIdentifierKind
    /// The identifier as typed; `validated` normalises it.
    public var identifier: String
    /// ISO 3166 alpha-2, only for `foreign` identifiers.
    public var countryCode: String?
    /// 6-digit GB/T 2260 code of the registered city (or 2-digit province code).
    public var regionCode: String
    public var address: String
    public var tracks: [IndustryTrack]
    public var qualifications: [EnterpriseQualification]
    public var foundedYear: Int?
    public var summary: String
    public var contact: ContactPerson

    public init(
        name: String, identifierKind: OrganizationIdentifierKind = .uscc, identifier: String,
        countryCode: String? = nil,
        regionCode: String, address: String = "", tracks: [IndustryTrack] = [],
        qualifications: [EnterpriseQualification] = [], foundedYear: Int? = nil, summary: String = "",
        contact: ContactPerson
    ) {
        self.name = name
        self.identifierKind = identifierKind
        self.identifier = identifier
        self.countryCode = countryCode
        self.regionCode = regionCode
        self.address = address
        self.tracks = tracks
        self.qualifications = qualifications
        self.foundedYear = foundedYear
        self.summary = summary
        self.contact = contact
    }

    enum CodingKeys: String, CodingKey {
        case name, identifier, address, tracks, qualifications, summary, contact
        case identifierKind = "identifier_kind"
        case countryCode = "country_code"
        case regionCode = "region_code"
        case foundedYear = "founded_year"
    }
}

extension EnterpriseProfile {
    /// Every field error at once; `today` bounds the founding year.
    public func validate(today: LocalDate) -> [FieldError] {
        var errors = ValidationErrorBuilder()
        _ = normalized(into: &errors, today: today)
        return errors.errors
    }

    /// A normalised copy (identifier, region, contact), or all the field errors.
    public func validated(today: LocalDate) throws(ValidationError) -> EnterpriseProfile {
        var errors = ValidationErrorBuilder()
        let result = normalized(into: &errors, today: today)
        try errors.throwIfAny()
        return result
    }

    func normalized(into errors: inout ValidationErrorBuilder, today: LocalDate) -> EnterpriseProfile {
        var copy = self
        copy.name = errors.require(name, field: "name", label: "企业名称") ?? ""
        errors.checkLength(copy.name, field: "name", label: "企业名称", max: 100)
        if let id = errors.organizationIdentifier(kind: identifierKind, value: identifier, countryCode: countryCode) {
            copy.identifier = id.value
            copy.countryCode = id.countryCode
        }
        copy.regionCode = RegionCode.validate(regionCode, field: "region_code", required: true, into: &errors) ?? ""
        copy.address = TextNormalization.trim(address)
        errors.checkLength(copy.address, field: "address", label: "地址", max: 200)
        if tracks.isEmpty { errors.add("tracks", "required", "请选择至少一个产业方向") }
        errors.year(foundedYear, field: "founded_year", label: "成立年份", in: 1900...today.year, required: false)
        copy.summary = TextNormalization.trim(summary)
        errors.checkLength(copy.summary, field: "summary", label: "企业简介", max: 2000)
        copy.contact = contact.normalized(into: &errors, emailRequired: false)
        return copy
    }

    /// The province the enterprise is registered in: from the USCC when there is one, else the region code.
    public var registeredProvinceCode: String? {
        if identifierKind == .uscc, let code = try? USCC(validating: identifier) { return code.provinceCode }
        let region = TextNormalization.compact(regionCode)
        return RegionCode.isValid(region) ? RegionCode.province(of: region) : nil
    }
}
