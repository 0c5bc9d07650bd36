import Domain

extension RelationGenerator {
    /// About 35 expert–enterprise and 15 unit–enterprise earlier cooperations in the same topic.
    mutating func cooperations(using rng: inout SplitMix64) -> [DemoCooperation] {
        var result: [DemoCooperation] = []
        let candidates = rng.shuffled(experts)
        var cursor = 0
        while result.count < 35, cursor < candidates.count {
            let expert = candidates[cursor]
            cursor += 1
            guard let firm = enterprise(for: expert.id, topic: expert.topicCode, using: &rng),
                let topic = TopicBank.topic(code: expert.topicCode)
            else { continue }
            result.append(
                DemoCooperation(
                    id: Format.id("coop", result.count + 1, width: 3), expertId: expert.id, unitId: nil,
                    enterpriseId: firm.id, year: today.year - rng.int(in: 1...5), title: title(topic, using: &rng)))
        }
        var attempts = 0
        while result.count < 50, attempts < 200 {
            attempts += 1
            let unit = rng.pick(units)
            let topic = rng.pick(TopicBank.topics(of: rng.pick(unit.strengths)))
            guard let firm = enterprise(for: unit.id, topic: topic.code, using: &rng) else { continue }
            result.append(
                DemoCooperation(
                    id: Format.id("coop", result.count + 1, width: 3), expertId: nil, unitId: unit.id,
                    enterpriseId: firm.id, year: today.year - rng.int(in: 1...6),
                    title: "共建\(topic.name)校企联合创新平台"))
        }
        return result
    }

    private func title(_ topic: DemoTopic, using rng: inout SplitMix64) -> String {
        rng.pick([
            "联合开展\(topic.name)相关横向课题",
            "签订技术服务合同，解决\(rng.pick(topic.keywords))相关技术问题",
            "合作申报吉林省科技发展计划项目（\(topic.name)方向）",
            "转化\(rng.pick(topic.achievements))",
        ])
    }
}
