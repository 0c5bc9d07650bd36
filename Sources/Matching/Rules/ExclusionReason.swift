/// Why a pair (or an expert for every need) is excluded; the raw value is the stable reason code.
public enum ExclusionReason: String, Sendable, CaseIterable, Comparable {
    /// Degree is known and not a PhD, and title is known and below 副高 (associate senior).
    case noPhdOrSeniorTitle = "no_phd_or_senior_title"
    /// Older than the maximum age on the rules' date (as-of year − birth year).
    case overAge = "over_age"
    case managementPost = "management_post"
    /// An integrity (scientific misconduct) record within the look-back years.
    case integrityRecord = "integrity_record"
    case unitNotApproved = "unit_not_approved"
    /// Status is given and is not `available`.
    case statusUnavailable = "status_unavailable"
    /// `available_from` is after the batch term start.
    case notYetAvailable = "not_yet_available"
    /// `available_to` is before the batch term start.
    case availabilityEnded = "availability_ended"
    /// The expert founded or holds equity in the need's enterprise.
    case conflictEquity = "conflict_equity"
    /// The expert's unit founded or holds equity in the need's enterprise.
    case conflictUnitEquity = "conflict_unit_equity"
    /// A conflict staff recorded between the expert and the enterprise.
    case conflictRecorded = "conflict_recorded"
    /// Different provinces and the need said it does not accept out-of-province experts.
    case outOfProvinceNotAccepted = "out_of_province_not_accepted"
    /// Different provinces and the expert said they do not serve outside their own province.
    case expertStaysInProvince = "expert_stays_in_province"
    /// The pair's score is below the batch minimum.
    case belowMinimumScore = "below_min_score"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether this reason depends only on the expert (so it excludes the expert from every need).
    public var isExpertLevel: Bool {
        switch self {
        case .noPhdOrSeniorTitle, .overAge, .managementPost, .integrityRecord, .unitNotApproved, .statusUnavailable,
            .notYetAvailable, .availabilityEnded:
            true
        default: false
        }
    }
}
