import Domain

extension RelationGenerator {
    /// About 22 expert founder/equity links, 8 unit equity links and 6 relative or former-employer links.
    mutating func conflicts(using rng: inout SplitMix64) -> [DemoConflict] {
        var result: [DemoConflict] = []
        func add(expert: String?, unit: String?, enterprise: String, kind: ConflictKind, note: String, since: Int) {
            result.append(
                DemoConflict(
                    id: Format.id("conf", result.count + 1, width: 3), expertId: expert, unitId: unit,
                    enterpriseId: enterprise, kind: kind, note: note, sinceYear: since))
        }
        let candidates = rng.shuffled(inProvinceExperts())
        var cursor = 0
        while result.count < 22, cursor < candidates.count {
            let expert = candidates[cursor]
            cursor += 1
            guard let firm = enterprise(for: expert.id, topic: expert.topicCode, using: &rng) else { continue }
            let since = max(firm.profile.foundedYear ?? 2000, today.year - rng.int(in: 1...10))
            if rng.chance(0.4) {
                add(
                    expert: expert.id, unit: nil, enterprise: firm.id, kind: .founder,
                    note: "该专家为企业创始股东之一，以技术入股方式参与创办", since: since)
            } else {
                add(
                    expert: expert.id, unit: nil, enterprise: firm.id, kind: .equity,
                    note: "该专家持有企业\(rng.int(in: 2...25))%股权", since: since)
            }
        }
        let units = inProvinceUnits()
        var attempts = 0
        while result.count < 30, attempts < 200 {
            attempts += 1
            let unit = rng.pick(units)
            let topic = rng.pick(TopicBank.topics(of: rng.pick(unit.strengths)))
            guard let firm = enterprise(for: unit.id, topic: topic.code, using: &rng) else { continue }
            add(
                expert: nil, unit: unit.id, enterprise: firm.id, kind: .equity,
                note: "\(unit.profile.name)以科技成果作价入股，通过资产经营公司持有企业\(rng.int(in: 5...30))%股权",
                since: max(firm.profile.foundedYear ?? 2000, today.year - rng.int(in: 1...8)))
        }
        while result.count < 36, cursor < candidates.count {
            let expert = candidates[cursor]
            cursor += 1
            guard let firm = enterprise(for: expert.id, topic: expert.topicCode, using: &rng) else { continue }
            if result.count % 2 == 0 {
                add(
                    expert: expert.id, unit: nil, enterprise: firm.id, kind: .relative,
                    note: "专家配偶在该企业担任副总经理", since: today.year - rng.int(in: 1...6))
            } else {
                let left = today.year - rng.int(in: 2...5)
                let joined = left - rng.int(in: 2...6)
                add(
                    expert: expert.id, unit: nil, enterprise: firm.id, kind: .formerEmployer,
                    note: "专家于\(joined)年至\(left)年在该企业担任技术总监", since: joined)
            }
        }
        return result
    }
}
