import Domain

/// The complete demo data set: cities, units, enterprises, experts, needs, relations and accounts.
public struct DemoDataSet: Sendable, Codable, Equatable {
    public let seed: UInt64
    public let today: LocalDate
    public let cities: [DemoCity]
    public let units: [DemoUnit]
    public let enterprises: [DemoEnterprise]
    public let experts: [DemoExpert]
    public let needs: [DemoNeed]
    public let conflicts: [DemoConflict]
    public let cooperations: [DemoCooperation]
    public let accounts: [DemoAccount]

    public static let enterpriseCount = 300
    public static let needCount = 500

    /// Generates the data set; the same seed and date always give the same data, byte for byte.
    public static func generate(seed: UInt64 = 2026, today: LocalDate) -> DemoDataSet {
        // Each stage has its own stream, so changing one stage does not reshuffle the others.
        func stream(_ stage: UInt64) -> SplitMix64 {
            var mixer = SplitMix64(seed: seed ^ (stage &* 0xA24B_AED4_963E_E407))
            return SplitMix64(seed: mixer.next())
        }
        var contacts = ContactFactory()
        var unitRNG = stream(1)
        let units = UnitGenerator.make(using: &unitRNG, contacts: &contacts)
        var enterpriseRNG = stream(2)
        let enterprises = EnterpriseGenerator.make(
            count: enterpriseCount, today: today, using: &enterpriseRNG, contacts: &contacts)
        var expertRNG = stream(3)
        let experts = ExpertGenerator.make(units: units, today: today, using: &expertRNG, contacts: &contacts)
        var needRNG = stream(4)
        let needs = NeedGenerator.make(
            count: needCount, enterprises: enterprises, experts: experts, today: today, using: &needRNG)
        var relations = RelationGenerator(
            units: units, enterprises: enterprises, experts: experts, needs: needs, today: today)
        var relationRNG = stream(5)
        let conflicts = relations.conflicts(using: &relationRNG)
        let cooperations = relations.cooperations(using: &relationRNG)
        return DemoDataSet(
            seed: seed, today: today, cities: JilinRegions.cities, units: units, enterprises: enterprises,
            experts: experts, needs: needs, conflicts: conflicts, cooperations: cooperations,
            accounts: AccountGenerator.make(
                units: units, enterprises: enterprises, experts: experts, needs: needs, today: today))
    }
}
