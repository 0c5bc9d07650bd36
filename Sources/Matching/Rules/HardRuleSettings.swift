/// Per-batch hard rules; each can be switched off or tuned. Absent data never triggers a rule.
public struct HardRuleSettings: Sendable, Equatable {
    /// The date the rules are evaluated on (age, integrity look-back).
    public var asOf: CalendarDay
    /// The batch term start checked against availability windows; defaults to `asOf`.
    public var termStart: CalendarDay?
    /// PhD or a title of 副高 (associate senior) and above. Default on.
    public var requirePhdOrSeniorTitle = true
    /// Maximum age in years on `asOf`, from the birth year; nil switches the rule off. Default 55.
    public var maximumAge: Int? = 55
    /// Exclude experts holding a management post. Default on.
    public var excludeManagementPost = true
    /// Look-back in years for integrity records: a record in year Y excludes when `asOf.year − Y < years`
    /// (with 3 and an as-of year of 2026: records from 2024, 2025 and 2026). nil switches it off. Default 3.
    public var integrityLookbackYears: Int? = 3
    /// The dispatching unit must have approved the expert. Default on.
    public var requireUnitApproval = true
    /// Only experts whose status is `available` (or who have no status) are matched. Default on.
    public var requireAvailableStatus = true
    /// Check `available_from` / `available_to` against the term start. Default on.
    public var checkAvailabilityWindow = true
    /// Equity and recorded conflicts between the expert (or unit) and the enterprise. Default on.
    public var excludeConflicts = true
    /// Respect `accepts_out_of_province: false` on needs and `out_of_province: false` on experts. Default on.
    public var respectProvinceLimits = true
    /// Pairs scoring below this are excluded. Default 0 (no minimum).
    public var minimumScore: Double = 0

    public init(asOf: CalendarDay) {
        self.asOf = asOf
    }

    /// The term start in force: `termStart`, or `asOf` when unset.
    public var effectiveTermStart: CalendarDay { termStart ?? asOf }
}
