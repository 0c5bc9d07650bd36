/// The kinds of evidence that make up a candidate pair's score, in the order explanations list them.
public enum ScoreComponentKind: String, Sendable, CaseIterable {
    case text
    case discipline
    case track
    case region
    case preference
    case cooperation
}

/// One component of a pair's score: its value in [0, 1], its weight, and what it adds to the score.
public struct ScoreComponent: Sendable, Equatable {
    public var kind: ScoreComponentKind
    public var value: Double
    public var weight: Double
    /// `weight · value / total weight`; the contributions add up to the score.
    public var contribution: Double
    /// A short machine-readable note on the level reached (e.g. `exact`, `same_city`), if any.
    public var detail: String?

    public init(kind: ScoreComponentKind, value: Double, weight: Double, contribution: Double, detail: String?) {
        self.kind = kind
        self.value = value
        self.weight = weight
        self.contribution = contribution
        self.detail = detail
    }
}

/// A term shared by the need and the expert, with its share of the raw text relevance.
public struct MatchedTerm: Sendable, Equatable {
    public var term: String
    public var contribution: Double

    public init(term: String, contribution: Double) {
        self.term = term
        self.contribution = contribution
    }
}
