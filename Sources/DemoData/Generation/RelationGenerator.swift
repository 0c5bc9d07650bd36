import Domain

/// Builds conflicts of interest and earlier cooperation, mostly between parties that share a topic.
struct RelationGenerator {
    let units: [DemoUnit]
    let enterprises: [DemoEnterprise]
    let experts: [DemoExpert]
    let needs: [DemoNeed]
    let today: LocalDate
    /// Pairs already used, as `party|enterprise`, so no pair is both a conflict and a cooperation.
    private var usedPairs: Set<String> = []

    init(units: [DemoUnit], enterprises: [DemoEnterprise], experts: [DemoExpert], needs: [DemoNeed], today: LocalDate) {
        self.units = units
        self.enterprises = enterprises
        self.experts = experts
        self.needs = needs
        self.today = today
    }

    /// Enterprises with a need in `topicCode` first (so relations touch real matching candidates), then others in it.
    func enterprises(topic topicCode: String) -> [DemoEnterprise] {
        let withNeed = Set(needs.filter { $0.topicCode == topicCode }.map(\.enterpriseId))
        let inTopic = enterprises.filter { $0.topicCodes.contains(topicCode) }
        return inTopic.filter { withNeed.contains($0.id) } + inTopic.filter { !withNeed.contains($0.id) }
    }

    /// An unused enterprise for `party`, in `topicCode` when possible.
    mutating func enterprise(for party: String, topic topicCode: String, using rng: inout SplitMix64) -> DemoEnterprise?
    {
        let candidates = enterprises(topic: topicCode).filter { !usedPairs.contains("\(party)|\($0.id)") }
        guard !candidates.isEmpty else { return nil }
        // Favour the front of the list (enterprises that posted a need in the topic).
        let chosen = candidates[min(candidates.count - 1, rng.index(min(candidates.count, 4)))]
        usedPairs.insert("\(party)|\(chosen.id)")
        return chosen
    }

    /// In-province experts (conflicts are about enterprises they can be matched with).
    func inProvinceExperts() -> [DemoExpert] {
        experts.filter { expert in units.first { $0.id == expert.unitId }?.outOfProvince == false }
    }

    func inProvinceUnits() -> [DemoUnit] {
        units.filter { !$0.outOfProvince }
    }
}
