import DemoData
import Domain
import Testing

/// Properties that must hold for any seed and date, not just the default ones.
@Suite struct OtherSeedTests {
    @Test(arguments: [UInt64(1), 99, 123_456_789])
    func everyEntityValidatesAndRulesAreExercised(seed: UInt64) throws {
        let today = try #require(LocalDate(year: 2027, month: 2, day: 28))
        let data = DemoDataSet.generate(seed: seed, today: today)
        #expect(data.enterprises.allSatisfy { $0.profile.validate(today: today).isEmpty })
        #expect(data.units.allSatisfy { $0.profile.validate().isEmpty })
        #expect(data.experts.allSatisfy { $0.profile.validate(today: today).isEmpty })
        #expect(data.needs.allSatisfy { $0.draft.validate(today: today).isEmpty })
        #expect(data.experts.contains { ($0.profile.age(on: today) ?? 0) > 55 })
        #expect(data.experts.contains { !$0.profile.meetsQualificationBar })
        #expect(data.experts.contains { $0.profile.holdsManagementPost })
        #expect(data.needs.contains { $0.draft.confidential })
        #expect(data.conflicts.filter(\.kind.isHardExclusion).count >= 25)
        #expect(Set(data.enterprises.map(\.profile.identifier)).count == data.enterprises.count)
    }
}
