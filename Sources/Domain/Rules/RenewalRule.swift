/// Decides whether a commissioner may be renewed: grade high enough, and not too many years in any window.
public enum RenewalRule {
    /// Evaluates a proposed renewal.
    ///
    /// - Parameters:
    ///   - lastGrade: the most recent annual or final assessment, nil if none yet.
    ///   - pastTerms: every earlier term of the same person (any enterprise), overlaps allowed.
    ///   - newTerm: the proposed renewal term.
    public static func evaluate(
        lastGrade: AssessmentGrade?,
        pastTerms: [ServicePeriod],
        newTerm: ServicePeriod,
        policy: RenewalPolicy = .default
    ) -> RenewalDecision {
        var reasons: [RenewalDecision.Reason] = []
        if let grade = lastGrade {
            if grade < policy.minimumGrade {
                reasons.append(
                    .init(
                        code: "grade_too_low",
                        message: "最近一次考核为“\(grade.label)”，续派要求不低于“\(policy.minimumGrade.label)”"))
            }
        } else {
            reasons.append(.init(code: "no_assessment", message: "尚无考核结果，不能续派"))
        }
        let peak = peakServiceDays(of: pastTerms + [newTerm], windowDays: policy.windowYears * 365)
        let limit = policy.maxServiceYears * 365
        if peak > limit {
            reasons.append(
                .init(
                    code: "service_limit_exceeded",
                    message: "续派后任意\(policy.windowYears)年内累计服务将达\(describe(days: peak))，超过\(policy.maxServiceYears)年上限")
            )
        }
        return RenewalDecision(reasons: reasons, peakServiceDays: peak)
    }

    /// The largest number of service days inside any window of `windowDays` consecutive service days.
    static func peakServiceDays(of periods: [ServicePeriod], windowDays: Int) -> Int {
        let merged = merge(periods.map(\.serviceDays))
        // The best window starts at some period's start or ends at some period's end.
        let windows = merged.flatMap {
            [$0.lowerBound..<($0.lowerBound + windowDays), ($0.upperBound - windowDays)..<$0.upperBound]
        }
        return windows.map { window in
            merged.reduce(0) { sum, span in
                sum + max(0, min(span.upperBound, window.upperBound) - max(span.lowerBound, window.lowerBound))
            }
        }.max() ?? 0
    }

    static func merge(_ spans: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, span.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                result.append(span)
            }
        }
        return result
    }

    static func describe(days: Int) -> String {
        let years = days / 365
        let rest = days % 365
        return rest == 0 ? "\(years)年" : "\(years)年\(rest)天"
    }
}
