/// Everything that decides a batch's candidate lists: weights, rules, relevance model and list sizes.
public struct CandidateRankingSettings: Sendable, Equatable {
    public var weights = ScoreWeights()
    public var rules: HardRuleSettings
    public var model: RelevanceModel = .standard
    public var fieldWeights = ProfileFieldWeights()
    /// Experts kept per need. Default 10.
    public var topK = 10
    /// Experts fully scored per need after the cheap first pass; default `max(3·topK, topK + 50)`.
    public var candidatePoolSize: Int?
    /// Matched terms listed in each explanation. Default 5.
    public var matchedTermLimit = 5
    /// Query terms used by more than this share of experts (and by more than `firstPassMinimumDocuments`)
    /// are left out of the first pass: they add little and cost most. Every listed pair is still scored on
    /// all terms. 1 turns this off. Default 0.05.
    public var firstPassDocumentRatio = 0.05
    /// Terms used by at most this many experts are always in the first pass. Default 5000.
    public var firstPassMinimumDocuments = 5000

    public init(rules: HardRuleSettings) {
        self.rules = rules
    }

    var effectivePoolSize: Int { max(candidatePoolSize ?? max(3 * topK, topK + 50), topK) }

    func firstPassLimit(documentCount: Int) -> Int {
        firstPassDocumentRatio >= 1
            ? .max : max(firstPassMinimumDocuments, Int(firstPassDocumentRatio * Double(documentCount)))
    }
}

/// One expert on a need's list, with the position of the expert in the input and the explained score.
public struct RankedCandidate: Sendable, Equatable {
    public var expertIndex: Int
    public var expertID: String
    public var explanation: ScoreExplanation
}

/// A pair that the hard rules removed, with its reason codes sorted.
public struct PairExclusion: Sendable, Equatable {
    public var expertID: String
    public var reasons: [ExclusionReason]
}

/// A need's top experts, best first (ties by expert id), and the exclusions met on the way.
public struct NeedRanking: Sendable, Equatable {
    public var needID: String
    public var candidates: [RankedCandidate]
    /// Excluded pairs that would otherwise have made the list, plus preferred or choosing experts that
    /// the rules exclude, in descending score order (ties by expert id).
    public var exclusions: [PairExclusion]
}
