import Domain

/// Builds synthetic experts for each unit, written from the unit's strong tracks' topics.
enum ExpertGenerator {
    static func make(
        units: [DemoUnit], today: LocalDate, using rng: inout SplitMix64, contacts: inout ContactFactory
    ) -> [DemoExpert] {
        var experts: [DemoExpert] = []
        for (unit, spec) in zip(units, UnitCatalog.specs) {
            for _ in 0..<spec.experts {
                experts.append(
                    make(number: experts.count + 1, unit: unit, today: today, using: &rng, contacts: &contacts))
            }
        }
        return experts
    }

    static func make(
        number: Int, unit: DemoUnit, today: LocalDate, using rng: inout SplitMix64, contacts: inout ContactFactory
    ) -> DemoExpert {
        let strengthWeights = unit.strengths.indices.map { max(1, 6 - $0) }
        let topic = rng.pick(TopicBank.topics(of: unit.strengths[rng.weightedIndex(strengthWeights)]))
        var tracks = [topic.track]
        if unit.strengths.count > 1, rng.chance(0.08) {
            let other = rng.pick(unit.strengths)
            if other != topic.track { tracks.append(other) }
        }
        let person = PersonNames.make(using: &rng)
        let age = age(number: number, using: &rng)
        let (degree, title) = qualification(number: number, age: age, using: &rng)
        let enclave = !unit.outOfProvince && rng.chance(0.012)
        let region = enclave ? rng.pick(["440300", "440100", "31", "11"]) : unit.profile.regionCode
        let patentCount = degree == .phd ? rng.int(in: 0...18) : rng.int(in: 0...4)
        let achievements = rng.chance(0.75) ? rng.sample(topic.achievements, count: rng.int(in: 1...2)) : []
        let profile = ExpertProfile(
            name: person.name, unitName: unit.profile.name, degree: degree, titleLevel: title,
            titleName: titleName(title, kind: unit.profile.kind), birthYear: today.year - age,
            disciplineCodes: disciplines(topic, using: &rng), tracks: tracks, keywords: keywords(topic, using: &rng),
            summary: ExpertText.summary(topic: topic, age: age, degree: degree, patents: patentCount, using: &rng),
            mobile: contacts.mobile(regionCode: unit.profile.regionCode, using: &rng),
            email: contacts.email(pinyin: person.pinyin, domain: unit.emailDomain),
            holdsManagementPost: number % 113 == 17 || rng.chance(0.035), regionCode: region)
        let from = today.adding(days: rng.int(in: 0...120))
        return DemoExpert(
            id: Format.id("exp", number, width: 4), unitId: unit.id, profile: profile, topicCode: topic.code,
            achievements: achievements,
            patents: ExpertText.patents(topic: topic, count: min(patentCount, rng.int(in: 0...3)), using: &rng),
            patentCount: patentCount, talentEnclave: enclave,
            capacity: [1, 2, 3][rng.weightedIndex([90, 7, 3])], availableFrom: from,
            availableTo: from.adding(years: rng.int(in: 2...3)),
            unitApproval: DemoApprovalStatus.allCases[rng.weightedIndex([88, 9, 3])],
            integrityRecordYear: integrityRecordYear(today: today, using: &rng))
    }

    /// Ages 30–62, with about one in ten over 55 so the age rule has work to do.
    private static func age(number: Int, using rng: inout SplitMix64) -> Int {
        if number % 97 == 11 { return rng.int(in: 57...61) }
        let bands = [30...35, 36...45, 46...55, 56...62]
        return rng.int(in: bands[rng.weightedIndex([12, 40, 38, 10])])
    }

    /// Mostly PhDs with senior or associate titles; a few fall below the bar on both counts.
    private static func qualification(number: Int, age: Int, using rng: inout SplitMix64) -> (Degree, TitleLevel) {
        if number % 89 == 5 { return (.master, .intermediate) }
        let degree = [Degree.phd, .master, .bachelor][rng.weightedIndex([85, 11, 4])]
        let titleWeights = age < 36 ? [10, 50, 40] : age < 45 ? [40, 50, 10] : [65, 32, 3]
        return (degree, [TitleLevel.senior, .associateSenior, .intermediate][rng.weightedIndex(titleWeights)])
    }

    private static func titleName(_ level: TitleLevel, kind: OrganizationKind) -> String {
        let names: [String] =
            switch kind {
            case .institute: ["研究员", "副研究员", "助理研究员"]
            case .rndInstitution: ["正高级工程师", "高级工程师", "工程师"]
            default: ["教授", "副教授", "讲师"]
            }
        return level == .senior ? names[0] : level == .associateSenior ? names[1] : names[2]
    }

    private static func disciplines(_ topic: DemoTopic, using rng: inout SplitMix64) -> [String] {
        // The most specific code always comes first, so a need's main discipline finds an exact match.
        Array(topic.disciplines.prefix(rng.int(in: 1...topic.disciplines.count)))
    }

    private static func keywords(_ topic: DemoTopic, using rng: inout SplitMix64) -> [String] {
        var result = rng.sample(topic.keywords, count: rng.int(in: 4...6))
        if rng.chance(0.25) {
            let neighbour = rng.pick(TopicBank.topics(of: topic.track))
            let extra = rng.pick(neighbour.keywords)
            if !result.contains(extra) { result.append(extra) }
        }
        return result
    }

    /// About 1 % have a recent integrity record and 1 % an old one that no longer counts.
    private static func integrityRecordYear(today: LocalDate, using rng: inout SplitMix64) -> Int? {
        let roll = rng.index(100)
        return roll == 0 ? today.year - 1 : roll == 1 ? today.year - 6 : nil
    }
}
