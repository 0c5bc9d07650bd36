extension SyntheticContext {
    func need(index: Int, topic topicIndex: Int) -> NeedRecord {
        var rng = rng(SyntheticPoolGenerator.needStream | (1 << 39), index)
        let topic = topics[topicIndex]
        let noise = noiseTopic(for: topicIndex, rng: &rng)
        let english = rng.chance(0.15)
        let terms = rng.sample(english ? topic.englishTerms : topic.chineseTerms, count: 4)
        var record = NeedRecord(id: SyntheticPoolGenerator.needID(index), title: "")
        if english {
            record.title = "\(terms[0].capitalizedFirst) and \(terms[1]) \(rng.pick(SyntheticText.needGoalsEnglish))"
            if rng.chance(0.8) {
                let shared = trackWords(topic, english: true, count: 2, rng: &rng).joined(separator: " and ")
                var text = "Our company works on \(shared). We face problems with \(terms[2])"
                text += terms.count > 3 ? " and \(terms[3])" : ""
                text += " and seek a university expert to help. \(rng.pick(SyntheticText.fillerEnglish))"
                if let noise {
                    text += " We also work on \(rng.sample(noise.englishTerms, count: 2).joined(separator: " and "))."
                }
                record.description = text
            }
        } else {
            record.title = terms[0] + terms[1] + rng.pick(SyntheticText.needGoalsChinese)
            if rng.chance(0.8) {
                let area =
                    rng.chance(0.3)
                    ? topic.chineseName : trackWords(topic, english: false, count: 2, rng: &rng).joined()
                var text = "我公司主要从事\(area)相关产品的研发与生产，目前在\(terms[2])方面存在技术瓶颈，"
                if terms.count > 3 { text += "\(terms[3])" }
                text += "难以满足客户要求，希望与高校专家合作攻关。" + rng.pick(SyntheticText.fillerChinese)
                if let noise { text += "同时涉及\(rng.sample(noise.chineseTerms, count: 2).joined(separator: "和"))。" }
                record.description = text
            }
        }
        if rng.chance(0.7) {
            let pool = topic.chineseTerms + topic.englishTerms
            record.keywords = rng.sample(pool, count: rng.inRange(2...4))
        }
        if rng.chance(0.8) {
            let track = IndustryTrack.all.first { $0.code == topic.track }
            record.track = rng.chance(0.1) ? track?.chineseName : topic.track
        }
        if rng.chance(0.6) { record.disciplines = [rng.pick(topic.disciplines)] }
        if rng.chance(0.9) { record.region = rng.chance(0.5) ? "220100" : rng.pick(Self.jilinCities) }
        if rng.chance(0.7) { record.acceptsOutOfProvince = rng.chance(0.75) }
        if rng.chance(0.9) { record.enterpriseID = enterprise(rng: &rng) }
        if rng.chance(0.05), !expertsByTopic[topicIndex].isEmpty {
            let named = rng.sample(expertsByTopic[topicIndex], count: rng.inRange(1...2))
            record.preferredExpertIDs = named.map(SyntheticPoolGenerator.expertID)
        }
        record.syntheticTopic = topic.code
        return record
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
