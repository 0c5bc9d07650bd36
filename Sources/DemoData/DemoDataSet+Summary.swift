import Domain

extension DemoDataSet {
    /// Counts by track, city and kind, in the fixed order of the vocabularies and the city list.
    public var summary: DemoSummary {
        func byTrack(_ tracks: [[IndustryTrack]]) -> [DemoSummary.Count] {
            IndustryTrack.allCases.map { track in
                DemoSummary.Count(
                    key: track.code, label: track.label, count: tracks.filter { $0.contains(track) }.count)
            }
        }
        let kinds = OrganizationKind.allCases.filter(\.isDispatchingUnit).map { kind in
            DemoSummary.Count(key: kind.code, label: kind.label, count: units.filter { $0.profile.kind == kind }.count)
        }
        let cities = cities.map { city in
            DemoSummary.Count(
                key: city.code, label: city.shortName, count: enterprises.filter { $0.cityCode == city.code }.count)
        }
        return DemoSummary(
            units: units.count, unitsByKind: kinds, outOfProvinceUnits: units.filter(\.outOfProvince).count,
            enterprises: enterprises.count, enterprisesByCity: cities,
            enterprisesByTrack: byTrack(enterprises.map(\.profile.tracks)), experts: experts.count,
            expertsByTrack: byTrack(experts.map(\.profile.tracks)),
            eligibleExperts: experts.filter { $0.meetsDefaultEligibility(on: today) }.count, needs: needs.count,
            needsByTrack: byTrack(needs.map(\.draft.tracks)),
            confidentialNeeds: needs.filter(\.draft.confidential).count,
            needsWithPreferredExpert: needs.filter { $0.preferredExpertId != nil }.count, conflicts: conflicts.count,
            cooperations: cooperations.count, accounts: accounts.count)
    }
}
