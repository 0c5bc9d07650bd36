/// A candidate pair's score in [0, 1] with every component kept, and the terms that matched most.
public struct ScoreExplanation: Sendable, Equatable {
    public var score: Double
    public var components: [ScoreComponent]
    /// Raw relevance before the global transform (BM25 by default).
    public var textRaw: Double
    /// Shared terms, largest contribution first (ties by term), at most a few.
    public var matchedTerms: [MatchedTerm]

    public init(score: Double, components: [ScoreComponent], textRaw: Double, matchedTerms: [MatchedTerm]) {
        self.score = score
        self.components = components
        self.textRaw = textRaw
        self.matchedTerms = matchedTerms
    }

    /// The integer the assignment solver uses: `Int((score * 10000).rounded())` clamped to 1…10000.
    public var solverScore: Int { Self.solverScore(score) }

    /// The solver's integer form of any score in [0, 1].
    public static func solverScore(_ score: Double) -> Int {
        guard score.isFinite else { return 1 }
        return min(10000, max(1, Int((score * 10000).rounded())))
    }

    /// The component of a kind (every kind is always present).
    public func component(_ kind: ScoreComponentKind) -> ScoreComponent? {
        components.first { $0.kind == kind }
    }
}
