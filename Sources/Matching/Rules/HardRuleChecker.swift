/// Applies the hard rules; every exclusion comes with its reason codes, sorted by code.
public struct HardRuleChecker: Sendable {
    public var settings: HardRuleSettings

    public init(settings: HardRuleSettings) {
        self.settings = settings
    }

    /// Reasons that exclude the expert from every need (eligibility and availability); empty if eligible.
    public func expertExclusions(_ expert: ExpertRecord) -> [ExclusionReason] {
        var reasons: [ExclusionReason] = []
        if settings.requirePhdOrSeniorTitle, Self.lacksPhdAndSeniorTitle(expert) { reasons.append(.noPhdOrSeniorTitle) }
        if let maximum = settings.maximumAge, let born = expert.birthYear, settings.asOf.year - born > maximum {
            reasons.append(.overAge)
        }
        if settings.excludeManagementPost, expert.managementPost == true { reasons.append(.managementPost) }
        if let years = settings.integrityLookbackYears, let year = expert.integrityRecordYear,
            settings.asOf.year - year < years
        {
            reasons.append(.integrityRecord)
        }
        if settings.requireUnitApproval, expert.unitApproved == false { reasons.append(.unitNotApproved) }
        if settings.requireAvailableStatus, let status = expert.status,
            status.trimmingSpaces().lowercased() != "available"
        {
            reasons.append(.statusUnavailable)
        }
        if settings.checkAvailabilityWindow {
            let start = settings.effectiveTermStart
            if let from = expert.availableFrom, from > start { reasons.append(.notYetAvailable) }
            if let to = expert.availableTo, to < start { reasons.append(.availabilityEnded) }
        }
        return reasons.sorted()
    }

    /// Reasons that exclude this particular pair (conflicts of interest, province limits); empty if allowed.
    public func pairExclusions(need: NeedProfile, expert: ExpertProfile) -> [ExclusionReason] {
        var reasons: [ExclusionReason] = []
        if settings.excludeConflicts, let enterprise = need.record.enterpriseID {
            // Most sets are empty; checking first skips hashing the id.
            let equity = expert.equityEnterpriseIDs
            let unitEquity = expert.unitEquityEnterpriseIDs
            let recorded = expert.conflictEnterpriseIDs
            if !equity.isEmpty, equity.contains(enterprise) { reasons.append(.conflictEquity) }
            if !unitEquity.isEmpty, unitEquity.contains(enterprise) { reasons.append(.conflictUnitEquity) }
            if !recorded.isEmpty, recorded.contains(enterprise) { reasons.append(.conflictRecorded) }
        }
        if settings.respectProvinceLimits,
            RegionMatchLevel.between(need: need.region, expert: expert.region) == .outOfProvince
        {
            if need.record.acceptsOutOfProvince == false { reasons.append(.outOfProvinceNotAccepted) }
            if expert.record.outOfProvince == false { reasons.append(.expertStaysInProvince) }
        }
        return reasons.sorted()
    }

    /// Pair reasons from raw records (convenience for callers without prepared profiles).
    public func pairExclusions(need: NeedRecord, expert: ExpertRecord) -> [ExclusionReason] {
        pairExclusions(need: NeedProfile(need), expert: ExpertProfile(expert))
    }

    /// True only when the data proves the expert has neither a PhD nor a title of 副高 and above:
    /// a degree that is not a PhD with no title given (or the reverse) does not exclude.
    static func lacksPhdAndSeniorTitle(_ expert: ExpertRecord) -> Bool {
        guard let degree = expert.degree.map(AcademicQualification.degreeIsDoctorate),
            let title = expert.titleLevel.map(AcademicQualification.titleIsSenior)
        else { return false }
        // An unrecognised value (nil inside) counts as unknown, so it cannot exclude either.
        guard let isDoctor = degree, let isSenior = title else { return false }
        return !isDoctor && !isSenior
    }
}
