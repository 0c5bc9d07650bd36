import DemoData
import Domain
import Testing

/// The data must give every eligibility rule and need option something to decide.
@Suite struct RuleCoverageTests {
    let data = Fixture.data
    let today = Fixture.today

    @Test func someExpertsFailEachEligibilityCondition() {
        let experts = data.experts.map(\.profile)
        #expect(experts.filter { ($0.age(on: today) ?? 0) > 55 }.count >= 10)
        #expect(experts.filter { !$0.meetsQualificationBar }.count >= 5)
        #expect(experts.filter(\.holdsManagementPost).count >= 5)
        #expect(data.experts.contains { $0.unitApproval == .pending })
        #expect(data.experts.contains { ($0.integrityRecordYear ?? 0) > today.year - 3 })
        let ages = experts.compactMap { $0.age(on: today) }
        #expect(ages.allSatisfy { (30...62).contains($0) })
    }

    @Test func mostExpertsAreEligiblePhDs() {
        let phds = data.experts.filter { $0.profile.degree == .phd }.count
        #expect(phds * 100 / data.experts.count >= 75)
        let eligible = data.experts.filter { $0.meetsDefaultEligibility(on: today) }.count
        #expect(eligible * 100 / data.experts.count >= 60)
        #expect(data.experts.contains { $0.talentEnclave })
        #expect(data.experts.contains { $0.capacity > 1 })
        #expect(data.experts.filter { $0.capacity == 1 }.count * 100 / data.experts.count >= 80)
    }

    @Test func needOptionsAreMixed() {
        let count = data.needs.count
        let confidential = data.needs.filter(\.draft.confidential).count
        #expect((count * 5 / 100...count * 15 / 100).contains(confidential))
        let accepting = data.needs.filter(\.draft.acceptsOutOfProvince).count
        #expect((count * 60 / 100...count * 80 / 100).contains(accepting))
        let preferred = data.needs.filter { $0.preferredExpertId != nil }.count
        #expect((count * 5 / 100...count * 15 / 100).contains(preferred))
        #expect(data.needs.contains { $0.draft.expertsNeeded > 1 })
        #expect(data.needs.filter { $0.draft.expertsNeeded == 1 }.count * 100 / count >= 75)
        #expect(data.needs.allSatisfy { ($0.draft.deadline ?? today) > today })
        #expect(data.needs.compactMap(\.draft.budget).allSatisfy { $0 > 0 })
    }
}
