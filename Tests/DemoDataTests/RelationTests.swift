import DemoData
import Domain
import Testing

@Suite struct RelationTests {
    let data = Fixture.data
    var unitIDs: Set<String> { Set(data.units.map(\.id)) }
    var enterpriseIDs: Set<String> { Set(data.enterprises.map(\.id)) }
    var expertIDs: Set<String> { Set(data.experts.map(\.id)) }

    @Test func expertsPointAtUnitsWithMatchingNames() {
        let names = Dictionary(uniqueKeysWithValues: data.units.map { ($0.id, $0.profile.name) })
        for expert in data.experts {
            #expect(names[expert.unitId] == expert.profile.unitName, "\(expert.id)")
        }
    }

    @Test func needsPointAtEnterprisesAndFittingExperts() throws {
        let experts = Dictionary(uniqueKeysWithValues: data.experts.map { ($0.id, $0) })
        for need in data.needs {
            #expect(enterpriseIDs.contains(need.enterpriseId))
            guard let preferred = need.preferredExpertId else { continue }
            let expert = try #require(experts[preferred])
            #expect(expert.profile.disciplineCodes.contains(need.draft.disciplineCodes[0]), "\(need.id)")
            #expect(expert.topicCode == need.topicCode)
        }
    }

    @Test func conflictsNameExactlyOneExistingParty() {
        for conflict in data.conflicts {
            #expect((conflict.expertId == nil) != (conflict.unitId == nil), "\(conflict.id)")
            #expect(conflict.expertId.map(expertIDs.contains) ?? true)
            #expect(conflict.unitId.map(unitIDs.contains) ?? true)
            #expect(enterpriseIDs.contains(conflict.enterpriseId))
        }
        let hard = data.conflicts.filter(\.kind.isHardExclusion)
        #expect(hard.count >= 25)
        #expect(hard.contains { $0.unitId != nil })
        #expect(data.conflicts.contains { $0.kind == .relative })
        #expect(data.conflicts.contains { $0.kind == .formerEmployer })
    }

    @Test func cooperationsNameExactlyOneExistingParty() {
        for cooperation in data.cooperations {
            #expect((cooperation.expertId == nil) != (cooperation.unitId == nil), "\(cooperation.id)")
            #expect(cooperation.expertId.map(expertIDs.contains) ?? true)
            #expect(cooperation.unitId.map(unitIDs.contains) ?? true)
            #expect(enterpriseIDs.contains(cooperation.enterpriseId))
            #expect(cooperation.year < Fixture.today.year)
        }
    }

    @Test func noPairIsBothConflictAndCooperation() {
        let conflicts = Set(data.conflicts.map { "\($0.expertId ?? $0.unitId ?? "")|\($0.enterpriseId)" })
        let cooperations = data.cooperations.map { "\($0.expertId ?? $0.unitId ?? "")|\($0.enterpriseId)" }
        #expect(cooperations.allSatisfy { !conflicts.contains($0) })
        #expect(Set(cooperations).count == cooperations.count)
    }

    @Test func accountsCoverEveryRoleAndPointAtRecords() throws {
        #expect(Set(data.accounts.map(\.role)) == Set(Role.allCases))
        #expect(Set(data.accounts.map(\.username)).count == data.accounts.count)
        let staff = try #require(data.accounts.first { $0.role == .staff })
        #expect(staff.username == "staff" && staff.password == "kczy-staff-2026")
        for account in data.accounts {
            #expect(account.enterpriseId.map(enterpriseIDs.contains) ?? true)
            #expect(account.unitId.map(unitIDs.contains) ?? true)
            #expect(account.expertId.map(expertIDs.contains) ?? true)
        }
        #expect(data.accounts.first { $0.role == .enterprise }?.enterpriseId != nil)
        #expect(data.accounts.first { $0.role == .unitAdmin }?.unitId != nil)
        let expertID = try #require(data.accounts.first { $0.role == .expert }?.expertId)
        let expert = try #require(data.experts.first { $0.id == expertID })
        #expect(expert.meetsDefaultEligibility(on: Fixture.today))
        let enterpriseID = try #require(data.accounts.first { $0.role == .enterprise }?.enterpriseId)
        #expect(data.needs.contains { $0.enterpriseId == enterpriseID && $0.topicCode == expert.topicCode })
        #expect(data.accounts.first { $0.role == .unitAdmin }?.unitId == expert.unitId)
    }
}
