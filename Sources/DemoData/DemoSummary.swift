import Domain

/// Counts of a generated data set by track, city and kind, for printing after a load.
public struct DemoSummary: Sendable, Equatable, CustomStringConvertible {
    /// One labelled count.
    public struct Count: Sendable, Equatable {
        public let key: String
        public let label: String
        public let count: Int
    }

    public let units: Int
    public let unitsByKind: [Count]
    public let outOfProvinceUnits: Int
    public let enterprises: Int
    public let enterprisesByCity: [Count]
    public let enterprisesByTrack: [Count]
    public let experts: Int
    public let expertsByTrack: [Count]
    public let eligibleExperts: Int
    public let needs: Int
    public let needsByTrack: [Count]
    public let confidentialNeeds: Int
    public let needsWithPreferredExpert: Int
    public let conflicts: Int
    public let cooperations: Int
    public let accounts: Int

    public var description: String {
        func list(_ counts: [Count]) -> String {
            counts.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
        }
        return """
            units: \(units) (\(list(unitsByKind))); out of province: \(outOfProvinceUnits)
            enterprises: \(enterprises)
              by city: \(list(enterprisesByCity))
              by track: \(list(enterprisesByTrack))
            experts: \(experts); meeting default eligibility: \(eligibleExperts)
              by track: \(list(expertsByTrack))
            needs: \(needs); confidential: \(confidentialNeeds); with preferred expert: \(needsWithPreferredExpert)
              by track: \(list(needsByTrack))
            conflicts: \(conflicts); cooperations: \(cooperations); accounts: \(accounts)
            """
    }
}
