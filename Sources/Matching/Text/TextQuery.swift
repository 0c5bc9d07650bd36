/// A need's text as index term ids with query weights, sorted by term id so sums run in a fixed order.
public struct TextQuery: Sendable, Equatable {
    /// Indexed terms of the query and their weighted frequencies in the need.
    public var terms: [(id: Int32, weight: Float)]

    public static func == (lhs: TextQuery, rhs: TextQuery) -> Bool {
        lhs.terms.elementsEqual(rhs.terms) { $0.id == $1.id && $0.weight == $1.weight }
    }

    /// Tokenizes the need's title, keywords and description; terms absent from the index are dropped.
    public init(
        need: NeedRecord, index: InvertedIndex, tokenizer: TechTokenizer = TechTokenizer(),
        weights: ProfileFieldWeights = ProfileFieldWeights()
    ) {
        let bag = InvertedIndex.termBag(weights.fields(of: need), tokenizer: tokenizer)
        terms = bag.compactMap { entry in index.termID(entry.term).map { (id: $0, weight: entry.frequency) } }
            .sorted { $0.id < $1.id }
    }

    /// A query from explicit term ids and weights (sorted here).
    public init(terms: [(id: Int32, weight: Float)]) {
        self.terms = terms.sorted { $0.id < $1.id }
    }
}
