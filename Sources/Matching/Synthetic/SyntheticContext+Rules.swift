extension SyntheticContext {
    /// Eligibility fields at realistic coverage; a few experts break each rule.
    func addEligibility(to record: inout ExpertRecord, rng: inout SplitMix64) {
        let year = generator.referenceYear
        if rng.chance(0.85) { record.degree = rng.pick(SyntheticText.degrees) }
        if rng.chance(0.8) { record.titleLevel = rng.pick(SyntheticText.titles) }
        if rng.chance(0.85) { record.birthYear = rng.inRange((year - 64)...(year - 28)) }
        if rng.chance(0.6) { record.managementPost = rng.chance(0.1) }
        if rng.chance(0.03) { record.integrityRecordYear = rng.inRange((year - 8)...year) }
        if rng.chance(0.7) { record.unitApproved = rng.chance(0.95) }
        if rng.chance(0.7) { record.status = rng.chance(0.9) ? "available" : rng.pick(SyntheticText.statuses) }
        if rng.chance(0.2) {
            record.availableFrom = CalendarDay(year: year + rng.inRange(-1...0), month: rng.inRange(1...12), day: 1)
        }
        if rng.chance(0.2) {
            record.availableTo = CalendarDay(year: year + rng.inRange(0...2), month: rng.inRange(1...12), day: 28)
        }
    }

    /// Conflicts, choices and earlier cooperation, all rare, pointing at real needs and enterprises.
    func addLinks(to record: inout ExpertRecord, topic: Int, rng: inout SplitMix64) {
        if rng.chance(0.02) { record.equityEnterpriseIDs = [enterprise(rng: &rng)] }
        if rng.chance(0.01) { record.unitEquityEnterpriseIDs = [enterprise(rng: &rng)] }
        if rng.chance(0.02) { record.conflictEnterpriseIDs = [enterprise(rng: &rng)] }
        if rng.chance(0.03), !needsByTopic[topic].isEmpty {
            record.chosenNeedIDs = rng.sample(needsByTopic[topic], count: rng.inRange(1...2)).sorted()
                .map(SyntheticPoolGenerator.needID)
        }
        if rng.chance(0.05) { record.cooperatedEnterpriseIDs = [enterprise(rng: &rng)] }
        if rng.chance(0.03) { record.unitCooperatedEnterpriseIDs = [enterprise(rng: &rng)] }
    }
}
