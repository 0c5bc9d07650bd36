extension SyntheticContext {
    func expert(index: Int, topic topicIndex: Int) -> ExpertRecord {
        var rng = rng(SyntheticPoolGenerator.expertStream | (1 << 39), index)
        let topic = topics[topicIndex]
        let noise = noiseTopic(for: topicIndex, rng: &rng)
        var record = ExpertRecord(id: SyntheticPoolGenerator.expertID(index))
        let english = rng.chance(0.15)
        if rng.chance(0.95) { record.name = rng.pick(SyntheticText.surnames) + rng.pick(SyntheticText.givenNames) }
        let unit = rng.below(unitCount)
        if rng.chance(0.95) { record.unitID = SyntheticPoolGenerator.unitID(unit) }
        if rng.chance(0.95) { record.summary = summary(topic, noise: noise, english: english, rng: &rng) }
        if rng.chance(0.85) {
            record.keywords = rng.sample(english ? topic.englishTerms : topic.chineseTerms, count: rng.inRange(3...6))
        }
        if rng.chance(0.7) {
            record.publications = (0..<rng.inRange(1...4)).map { _ in publication(topic, rng: &rng) }
        }
        if rng.chance(0.5) {
            record.achievements = (0..<rng.inRange(1...2)).map { _ in
                let terms = rng.sample(topic.chineseTerms, count: 2)
                return terms[0] + terms[1] + rng.pick(SyntheticText.achievementTemplates)
            }
        }
        if rng.chance(0.8) {
            record.disciplines =
                rng.chance(0.2) ? [String(topic.disciplines[0].prefix(3))] : rng.sample(topic.disciplines, count: 2)
        }
        if rng.chance(0.8) {
            var tracks = [rng.chance(0.1) ? chineseTrackName(topic.track) : topic.track]
            if rng.chance(0.15) { tracks.append(rng.pick(IndustryTrack.all).code) }
            record.tracks = Array(Set(tracks)).sorted()
        }
        if rng.chance(0.9) { record.region = rng.chance(0.9) ? unitRegions[unit] : rng.pick(Self.jilinCities) }
        if rng.chance(0.5) { record.outOfProvince = rng.chance(0.7) }
        if rng.chance(0.6) { record.capacity = rng.inRange(1...3) }
        addEligibility(to: &record, rng: &rng)
        addLinks(to: &record, topic: topicIndex, rng: &rng)
        record.syntheticTopic = topic.code
        return record
    }

    private func summary(
        _ topic: SyntheticTopic, noise: SyntheticTopic?, english: Bool, rng: inout SplitMix64
    ) -> String {
        if english {
            let terms = rng.sample(topic.englishTerms, count: 4)
            var text = "Works on \(terms[0]), \(terms[1]) and \(terms[2]), with industrial experience in \(terms[3])."
            text +=
                " Interested in \(trackWords(topic, english: true, count: 2, rng: &rng).joined(separator: " and "))."
            if let noise {
                text += " Recently also \(rng.sample(noise.englishTerms, count: 2).joined(separator: " and "))."
            }
            return text
        }
        let terms = rng.sample(topic.chineseTerms, count: 5)
        let area = rng.chance(0.4) ? topic.chineseName : trackWords(topic, english: false, count: 2, rng: &rng).joined()
        var text = "长期从事\(area)方向研究，主要研究\(terms[0])、\(terms[1])与\(terms[2])，"
        text += "在\(terms[3])\(terms[4])方面积累了丰富经验。" + rng.pick(SyntheticText.expertFillerChinese)
        if rng.chance(0.3) { text += "熟悉\(rng.pick(topic.englishTerms))相关国际前沿。" }
        if let noise { text += "近年来拓展至\(rng.sample(noise.chineseTerms, count: 3).joined(separator: "、"))研究。" }
        return text
    }

    private func publication(_ topic: SyntheticTopic, rng: inout SplitMix64) -> PublicationRecord {
        var publication = PublicationRecord()
        if rng.chance(0.5) {
            let terms = rng.sample(topic.englishTerms, count: 2)
            publication.title =
                "\(terms[0].capitalizedFirst) and \(terms[1]): \(rng.pick(SyntheticText.publicationSuffixesEnglish))"
            if rng.chance(0.6) {
                publication.abstract =
                    "This paper studies \(rng.pick(topic.englishTerms)) and its effect on \(rng.pick(topic.englishTerms)). Results show clear gains."
            }
        } else {
            let terms = rng.sample(topic.chineseTerms, count: 3)
            publication.title = terms[0] + terms[1] + rng.pick(SyntheticText.publicationSuffixes)
            if rng.chance(0.6) { publication.abstract = "本文研究了\(terms[0])对\(terms[2])的影响，结果表明性能显著提升。" }
        }
        return publication
    }

    private func chineseTrackName(_ code: String) -> String {
        IndustryTrack.all.first { $0.code == code }?.chineseName ?? code
    }
}
