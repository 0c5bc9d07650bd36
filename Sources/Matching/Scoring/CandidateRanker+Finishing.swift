extension CandidateRanker {
    /// Scores the pool fully, applies the pair rules and the minimum score, and keeps the top K.
    func finish(_ need: NeedProfile, query: TextQuery, pool: [Int32], selectedCount: Int) -> NeedRanking {
        var scored: [(document: Int32, explanation: ScoreExplanation)] = []
        scored.reserveCapacity(pool.count)
        // The selected part of the pool is already unique; only the few forced experts can repeat.
        for (position, document) in pool.enumerated()
        where position < selectedCount || !pool[..<position].contains(document) {
            // The full raw score over every query term, whatever the first pass skipped.
            let raw = Double(model.total(query, document: document, in: index))
            scored.append((document, scorer.explain(need: need, expert: experts[Int(document)], textRaw: raw)))
        }
        scored.sort { lhs, rhs in
            if lhs.explanation.score != rhs.explanation.score { return lhs.explanation.score > rhs.explanation.score }
            return expertIDs[Int(lhs.document)] < expertIDs[Int(rhs.document)]
        }
        var candidates: [RankedCandidate] = []
        var exclusions: [PairExclusion] = []
        for (document, explanation) in scored {
            let expert = experts[Int(document)]
            var reasons = expertExclusions[Int(document)] + checker.pairExclusions(need: need, expert: expert)
            if explanation.score < settings.rules.minimumScore { reasons.append(.belowMinimumScore) }
            if !reasons.isEmpty {
                if candidates.count < settings.topK || isForced(expert, for: need) {
                    exclusions.append(PairExclusion(expertID: expert.record.id, reasons: reasons.sorted()))
                }
                continue
            }
            guard candidates.count < settings.topK else { continue }
            var explained = explanation
            explained.matchedTerms = matchedTerms(query, document: document)
            candidates.append(
                RankedCandidate(expertIndex: Int(document), expertID: expert.record.id, explanation: explained))
        }
        return NeedRanking(needID: need.record.id, candidates: candidates, exclusions: exclusions)
    }

    private func isForced(_ expert: ExpertProfile, for need: NeedProfile) -> Bool {
        (!need.preferredExpertIDs.isEmpty && need.preferredExpertIDs.contains(expert.record.id))
            || (!expert.chosenNeedIDs.isEmpty && expert.chosenNeedIDs.contains(need.record.id))
    }

    /// The shared terms with the largest contributions (ties by term), at most `matchedTermLimit`.
    func matchedTerms(_ query: TextQuery, document: Int32) -> [MatchedTerm] {
        guard settings.matchedTermLimit > 0 else { return [] }
        let terms = model.score(query, document: document, in: index).terms
            .map { MatchedTerm(term: index.terms[Int($0.id)], contribution: Double($0.contribution)) }
            .sorted { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.term < $1.term }
        return Array(terms.prefix(settings.matchedTermLimit))
    }
}
