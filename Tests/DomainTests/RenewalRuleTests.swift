import Testing

@testable import Domain

func day(_ text: String) -> LocalDate { LocalDate(text)! }

@Suite("Renewal rule")
struct RenewalRuleTests {
    let first = ServicePeriod.term(startingOn: day("2020-01-01"), years: 2)
    let second = ServicePeriod.term(startingOn: day("2022-01-01"), years: 2)

    @Test func termEndsTheDayBeforeTheAnniversary() {
        #expect(first.end == day("2021-12-31"))
        #expect(ServicePeriod.term(startingOn: day("2024-02-29"), years: 1).end == day("2025-02-27"))
    }

    @Test func exactlySixOfTenYearsIsAllowedAcrossLeapYears() {
        // 2020 and 2024 are leap years; three 2-year terms are still exactly 6 years.
        let third = ServicePeriod.term(startingOn: day("2024-01-01"), years: 2)
        let decision = RenewalRule.evaluate(lastGrade: .good, pastTerms: [first, second], newTerm: third)
        #expect(decision.isAllowed)
        #expect(decision.peakServiceDays == 6 * 365)
    }

    @Test func oneDayMoreThanSixYearsIsRefused() {
        let third = ServicePeriod(start: day("2024-01-01"), end: day("2026-01-01"))!
        let decision = RenewalRule.evaluate(lastGrade: .excellent, pastTerms: [first, second], newTerm: third)
        #expect(!decision.isAllowed)
        #expect(decision.reasons.map(\.code) == ["service_limit_exceeded"])
        #expect(decision.reasons[0].message.contains("6年1天"))
    }

    @Test func serviceOutsideTheWindowDoesNotCount() {
        // 2010–2016 is six years, but a 2026 term is more than ten years after 2016 starts.
        let old = ServicePeriod(start: day("2010-01-01"), end: day("2015-12-31"))!
        let early = ServicePeriod.term(startingOn: day("2019-01-01"), years: 2)
        let inside = RenewalRule.evaluate(lastGrade: .good, pastTerms: [old], newTerm: early)
        #expect(!inside.isAllowed)
        let late = ServicePeriod.term(startingOn: day("2026-01-01"), years: 2)
        let outside = RenewalRule.evaluate(lastGrade: .good, pastTerms: [old], newTerm: late)
        #expect(outside.isAllowed)
        #expect(outside.peakServiceDays == 6 * 365)
    }

    @Test func overlappingPastTermsAreNotCountedTwice() {
        let a = ServicePeriod.term(startingOn: day("2020-01-01"), years: 2)
        let b = ServicePeriod(start: day("2021-01-01"), end: day("2021-06-30"))!
        let decision = RenewalRule.evaluate(
            lastGrade: .good, pastTerms: [a, b], newTerm: .term(startingOn: day("2022-01-01"), years: 2))
        #expect(decision.peakServiceDays == 4 * 365)
    }

    @Test("grades", arguments: [(AssessmentGrade.excellent, true), (.good, true), (.pass, false), (.fail, false)])
    func gradeThreshold(grade: AssessmentGrade, allowed: Bool) {
        let decision = RenewalRule.evaluate(lastGrade: grade, pastTerms: [first], newTerm: second)
        #expect(decision.isAllowed == allowed)
        if !allowed { #expect(decision.reasons.first?.code == "grade_too_low") }
    }

    @Test func noAssessmentAndTooLongGiveBothReasons() {
        let long = ServicePeriod(start: day("2022-01-01"), end: day("2027-12-31"))!
        let decision = RenewalRule.evaluate(lastGrade: nil, pastTerms: [first], newTerm: long)
        #expect(decision.reasons.map(\.code) == ["no_assessment", "service_limit_exceeded"])
    }

    @Test func policyIsConfigurable() {
        let policy = RenewalPolicy(minimumGrade: .pass, maxServiceYears: 4, windowYears: 8)
        let third = ServicePeriod.term(startingOn: day("2024-01-01"), years: 2)
        #expect(RenewalRule.evaluate(lastGrade: .pass, pastTerms: [first], newTerm: second, policy: policy).isAllowed)
        let refused = RenewalRule.evaluate(
            lastGrade: .pass, pastTerms: [first, second], newTerm: third, policy: policy)
        #expect(refused.reasons.map(\.code) == ["service_limit_exceeded"])
    }
}
