/// The per-batch settings of the renewal rule (续派), with the Jilin defaults.
public struct RenewalPolicy: Sendable, Codable, Equatable {
    /// The last assessment must be at least this grade (default 良好).
    public var minimumGrade: AssessmentGrade
    /// At most this many years of service … (default 6)
    public var maxServiceYears: Int
    /// … in any window of this many years (default 10).
    public var windowYears: Int

    public init(minimumGrade: AssessmentGrade = .good, maxServiceYears: Int = 6, windowYears: Int = 10) {
        self.minimumGrade = minimumGrade
        self.maxServiceYears = maxServiceYears
        self.windowYears = windowYears
    }

    public static let `default` = RenewalPolicy()

    enum CodingKeys: String, CodingKey {
        case minimumGrade = "minimum_grade"
        case maxServiceYears = "max_service_years"
        case windowYears = "window_years"
    }
}
