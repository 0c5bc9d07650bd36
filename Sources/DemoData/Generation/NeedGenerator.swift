import Domain
import Foundation

/// Builds enterprise needs from the enterprises' topics, with preferred experts whose disciplines fit.
enum NeedGenerator {
    static func make(
        count: Int, enterprises: [DemoEnterprise], experts: [DemoExpert], today: LocalDate,
        using rng: inout SplitMix64
    ) -> [DemoNeed] {
        // Every enterprise gets one need; the rest go to enterprises at random.
        let order = rng.shuffled(Array(enterprises.indices))
        var used: Set<String> = []
        return (0..<count).map { offset in
            let enterprise = enterprises[offset < order.count ? order[offset] : rng.index(enterprises.count)]
            let topicCode =
                enterprise.topicCodes.count > 1 && rng.chance(0.3) ? enterprise.topicCodes[1] : enterprise.topicCodes[0]
            let topic = TopicBank.topic(code: topicCode)!
            var scenario = rng.pick(topic.needs)
            for candidate in rng.shuffled(topic.needs) where !used.contains(enterprise.id + candidate.title) {
                scenario = candidate
                break
            }
            used.insert(enterprise.id + scenario.title)
            return make(
                number: offset + 1, enterprise: enterprise, topic: topic, scenario: scenario, experts: experts,
                today: today, using: &rng)
        }
    }

    static func make(
        number: Int, enterprise: DemoEnterprise, topic: DemoTopic, scenario: DemoNeedScenario, experts: [DemoExpert],
        today: LocalDate, using rng: inout SplitMix64
    ) -> DemoNeed {
        let parent = String(topic.disciplines[0].prefix(3))
        let disciplines = [[topic.disciplines[0]], [topic.disciplines[0], parent], [parent]][
            rng.weightedIndex([6, 3, 1])]
        let accepts = rng.chance(0.7)
        let draft = NeedDraft(
            title: scenario.title,
            description: scenario.problem + NeedText.context(enterprise: enterprise, using: &rng),
            technicalTargets: scenario.targets, tracks: [topic.track], disciplineCodes: disciplines,
            keywords: rng.sample(topic.keywords, count: rng.int(in: 3...5)), budget: budget(using: &rng),
            deadline: today.adding(days: rng.int(in: 60...540)), confidential: rng.chance(0.1),
            acceptsOutOfProvince: accepts, expectedOutcomes: outcomes(using: &rng),
            ipArrangement: IPArrangement.allCases[rng.weightedIndex([35, 5, 30, 25, 5])],
            expertsNeeded: [1, 2, 3][rng.weightedIndex([85, 11, 4])])
        let preferred =
            rng.chance(0.1)
            ? preferredExpert(
                topic: topic, discipline: disciplines[0], acceptsOutOfProvince: accepts,
                experts: experts, today: today, using: &rng) : nil
        return DemoNeed(
            id: Format.id("need", number, width: 4), enterpriseId: enterprise.id, draft: draft, topicCode: topic.code,
            preferredExpertId: preferred)
    }

    /// 5万 to 200万 yuan in steps of 5 000; about one in twenty leaves the budget open (面议).
    private static func budget(using rng: inout SplitMix64) -> Decimal? {
        guard !rng.chance(0.05) else { return nil }
        let tenThousands = [rng.int(in: 5...30), rng.int(in: 30...100), rng.int(in: 100...200)][
            rng.weightedIndex([6, 3, 1])]
        return Decimal(tenThousands * 10_000 + (rng.chance(0.3) ? 5_000 : 0))
    }

    private static func outcomes(using rng: inout SplitMix64) -> [ExpectedOutcome] {
        let pool: [ExpectedOutcome] = [
            .technicalSolution, .processImprovement, .newProduct, .achievementTransfer, .standard, .patent,
            .jointPlatform, .staffTraining, .jointProject,
        ]
        var result = rng.sample(pool, count: rng.int(in: 1...3))
        if !result.contains(.technicalSolution), rng.chance(0.5) { result.insert(.technicalSolution, at: 0) }
        return result
    }

    /// An expert of the topic whose disciplines contain the need's main code, preferring eligible ones.
    private static func preferredExpert(
        topic: DemoTopic, discipline: String, acceptsOutOfProvince: Bool, experts: [DemoExpert], today: LocalDate,
        using rng: inout SplitMix64
    ) -> String? {
        let fitting = experts.filter { expert in
            expert.topicCode == topic.code && expert.profile.disciplineCodes.contains(discipline)
                && (acceptsOutOfProvince || expert.profile.regionCode?.hasPrefix("22") == true || expert.talentEnclave)
        }
        let eligible = fitting.filter { $0.meetsDefaultEligibility(on: today) }
        let pool = eligible.isEmpty ? fitting : eligible
        return pool.isEmpty ? nil : rng.pick(pool).id
    }
}
