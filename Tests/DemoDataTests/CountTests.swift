import DemoData
import Domain
import Testing

@Suite struct CountTests {
    let data = Fixture.data

    @Test func countsAreInRange() {
        #expect((18...24).contains(data.units.count))
        #expect((280...320).contains(data.enterprises.count))
        #expect((750...850).contains(data.experts.count))
        #expect((450...550).contains(data.needs.count))
        #expect((30...45).contains(data.conflicts.count))
        #expect((40...60).contains(data.cooperations.count))
    }

    @Test func citiesAreTheNineOfJilin() {
        #expect(
            data.cities.map(\.code) == [
                "220100", "220200", "220300", "220400", "220500", "220600", "220700", "220800", "222400",
            ])
    }

    @Test func enterprisesCoverEveryCityWithChangchunLargest() throws {
        let counts = data.cities.map { city in data.enterprises.filter { $0.cityCode == city.code }.count }
        #expect(counts.allSatisfy { $0 > 0 })
        let changchun = try #require(counts.first)
        #expect(counts.dropFirst().allSatisfy { $0 < changchun })
        #expect(changchun * 100 / data.enterprises.count >= 30)
    }

    @Test func everyTrackHasEnterprisesExpertsNeedsAndEightTopics() {
        for track in IndustryTrack.allCases {
            #expect(TopicBank.topics(of: track).count >= 8, "\(track)")
            #expect(data.enterprises.contains { $0.profile.tracks.contains(track) }, "\(track)")
            #expect(data.experts.filter { $0.profile.tracks.contains(track) }.count >= 30, "\(track)")
            #expect(data.needs.contains { $0.draft.tracks.contains(track) }, "\(track)")
        }
    }

    @Test func qualificationsIncludeEachKindAndNone() {
        for qualification in EnterpriseQualification.allCases {
            #expect(data.enterprises.contains { $0.profile.qualifications.contains(qualification) })
        }
        #expect(data.enterprises.contains { $0.profile.qualifications.isEmpty })
    }

    @Test func unitsIncludeEveryDispatchingKind() {
        for kind in [OrganizationKind.university, .institute, .rndInstitution] {
            #expect(data.units.contains { $0.profile.kind == kind }, "\(kind)")
        }
    }

    @Test func summaryAddsUp() {
        let summary = data.summary
        #expect(summary.enterprisesByCity.map(\.count).reduce(0, +) == data.enterprises.count)
        #expect(summary.unitsByKind.map(\.count).reduce(0, +) == data.units.count)
        #expect(summary.description.contains("长春"))
    }
}
