/// Turns the evidence about one need–expert pair into an explained score in [0, 1] on one global scale.
public struct CandidateScorer: Sendable {
    public var weights: ScoreWeights

    public init(weights: ScoreWeights = ScoreWeights()) {
        self.weights = weights
    }

    /// Scores a pair from raw records; `textRaw` is the pair's raw relevance (e.g. BM25).
    public func explain(
        need: NeedRecord, expert: ExpertRecord, textRaw: Double, matchedTerms: [MatchedTerm] = []
    ) -> ScoreExplanation {
        explain(need: NeedProfile(need), expert: ExpertProfile(expert), textRaw: textRaw, matchedTerms: matchedTerms)
    }

    /// Scores a pair from prepared profiles; every component is kept in the explanation.
    public func explain(
        need: NeedProfile, expert: ExpertProfile, textRaw: Double, matchedTerms: [MatchedTerm] = []
    ) -> ScoreExplanation {
        let total = weights.totalWeight
        var components: [ScoreComponent] = []
        components.reserveCapacity(6)
        func add(_ kind: ScoreComponentKind, _ value: Double, _ weight: Double, _ detail: String?) {
            let clamped = min(1, max(0, value))
            components.append(
                ScoreComponent(
                    kind: kind, value: clamped, weight: weight, contribution: weight * clamped / total, detail: detail))
        }
        add(.text, weights.textTransform.value(raw: textRaw), weights.text, nil)
        let discipline = DisciplineMatchLevel.bestNormalized(need.disciplines, expert.disciplines)
        add(.discipline, weights.value(of: discipline), weights.discipline, Self.detail(discipline))
        let trackMatch = need.trackCode.map { expert.trackCodes.contains($0) } ?? false
        add(.track, trackMatch ? 1 : 0, weights.track, trackMatch ? need.trackCode : nil)
        let region = RegionMatchLevel.between(need: need.region, expert: expert.region)
        add(.region, weights.value(of: region), weights.region, Self.detail(region))
        let preference = preferenceValue(need: need, expert: expert)
        add(.preference, preference.value, weights.preference, preference.detail)
        let cooperation = cooperationValue(need: need, expert: expert)
        add(.cooperation, cooperation.value, weights.cooperation, cooperation.detail)
        let score = min(1, max(0, components.reduce(0) { $0 + $1.contribution }))
        return ScoreExplanation(score: score, components: components, textRaw: textRaw, matchedTerms: matchedTerms)
    }

    private func preferenceValue(need: NeedProfile, expert: ExpertProfile) -> (value: Double, detail: String?) {
        // Most sets are empty; checking first skips hashing the id.
        let named = !need.preferredExpertIDs.isEmpty && need.preferredExpertIDs.contains(expert.record.id)
        let chosen = !expert.chosenNeedIDs.isEmpty && expert.chosenNeedIDs.contains(need.record.id)
        switch (named, chosen) {
        case (true, true):
            return (max(weights.preferenceNamedByEnterprise, weights.preferenceChosenByExpert), "mutual")
        case (true, false): return (weights.preferenceNamedByEnterprise, "named_by_enterprise")
        case (false, true): return (weights.preferenceChosenByExpert, "chosen_by_expert")
        case (false, false): return (0, nil)
        }
    }

    private func cooperationValue(need: NeedProfile, expert: ExpertProfile) -> (value: Double, detail: String?) {
        guard let enterprise = need.record.enterpriseID else { return (0, nil) }
        if !expert.cooperatedEnterpriseIDs.isEmpty, expert.cooperatedEnterpriseIDs.contains(enterprise) {
            return (weights.cooperationByExpert, "expert")
        }
        if !expert.unitCooperatedEnterpriseIDs.isEmpty, expert.unitCooperatedEnterpriseIDs.contains(enterprise) {
            return (weights.cooperationByUnit, "unit")
        }
        return (0, nil)
    }

    static func detail(_ level: DisciplineMatchLevel) -> String? {
        switch level {
        case .exact: "exact"
        case .sameSecondLevel: "same_second_level"
        case .sameFirstLevel: "same_first_level"
        case .none: nil
        }
    }

    static func detail(_ level: RegionMatchLevel) -> String? {
        switch level {
        case .sameCity: "same_city"
        case .sameProvince: "same_province"
        case .outOfProvince: "out_of_province"
        case .unknown: nil
        }
    }
}
