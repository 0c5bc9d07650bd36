/// The answer of the renewal rule: allowed, or refused with every reason.
public struct RenewalDecision: Sendable, Codable, Equatable {
    /// One reason a renewal is refused.
    public struct Reason: Sendable, Codable, Equatable {
        /// `no_assessment`, `grade_too_low` or `service_limit_exceeded`.
        public var code: String
        public var message: String
    }

    public var reasons: [Reason]
    /// The most service, in 365-day years of service days, in any window if the renewal went ahead.
    public var peakServiceDays: Int

    public var isAllowed: Bool { reasons.isEmpty }

    public init(reasons: [Reason], peakServiceDays: Int) {
        self.reasons = reasons
        self.peakServiceDays = peakServiceDays
    }
}
