import Foundation

/// How a matching term contributes to text relevance: Okapi BM25 or cosine TF-IDF.
public enum RelevanceModel: Sendable, Equatable {
    /// Okapi BM25 with Lucene's non-negative idf `ln(1 + (N − df + 0.5) / (df + 0.5))`.
    case bm25(k1: Float, b: Float)
    /// Cosine TF-IDF: `(1 + ln tf) · idf` weights, `idf = ln(1 + N / df)`, documents L2-normalized.
    case tfidf

    /// BM25 with k1 = 1.2 and b = 0.75, the default (chosen by measurement, see BENCHMARKS-scoring.md).
    public static let standard = RelevanceModel.bm25(k1: 1.2, b: 0.75)

    /// Precomputes per-term and per-document factors of this model for an index.
    public func prepare(for index: InvertedIndex) -> PreparedRelevanceModel {
        PreparedRelevanceModel(model: self, index: index)
    }
}

/// A relevance model with its per-term idf and per-document normalizers computed for one index.
public struct PreparedRelevanceModel: Sendable {
    public let model: RelevanceModel
    let inverseDocumentFrequency: [Float]
    let documentNormalizer: [Float]

    init(model: RelevanceModel, index: InvertedIndex) {
        self.model = model
        let n = Float(index.documentCount)
        var idf = [Float](repeating: 0, count: index.terms.count)
        for id in 0..<index.terms.count {
            let df = Float(index.documentFrequency(ofTermID: Int32(id)))
            switch model {
            case .bm25: idf[id] = log(1 + (n - df + 0.5) / (df + 0.5))
            case .tfidf: idf[id] = log(1 + n / max(df, 1))
            }
        }
        inverseDocumentFrequency = idf
        switch model {
        case .bm25(let k1, let b):
            let average = index.averageDocumentLength
            documentNormalizer = index.documentLengths.map { k1 * (1 - b + b * $0 / average) }
        case .tfidf:
            var squares = [Float](repeating: 0, count: index.documentCount)
            for id in 0..<index.terms.count {
                for slot in index.postingStart[id]..<index.postingStart[id + 1] {
                    let weight = (1 + log(max(index.postingFrequencies[slot], 1))) * idf[id]
                    squares[Int(index.postingDocuments[slot])] += weight * weight
                }
            }
            documentNormalizer = squares.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        }
    }

    /// The query-side factor of a term: `queryWeight · idf` (BM25) or `queryWeight · idf²` (TF-IDF).
    @inline(__always)
    func termWeight(termID: Int32, queryWeight: Float) -> Float {
        let idf = inverseDocumentFrequency[Int(termID)]
        switch model {
        case .bm25: return queryWeight * idf
        case .tfidf: return queryWeight * idf * idf
        }
    }

    /// The document-side factor of a term; times `termWeight` it gives the term's contribution.
    @inline(__always)
    func termFactor(frequency: Float, normalizer: Float) -> Float {
        switch model {
        case .bm25(let k1, _): return frequency * (k1 + 1) / (frequency + normalizer)
        case .tfidf: return (1 + log(max(frequency, 1))) * normalizer
        }
    }

    /// The contribution of one term, with query weight `queryWeight`, to one document's raw score.
    @inline(__always)
    func contribution(termID: Int32, queryWeight: Float, frequency: Float, document: Int32) -> Float {
        termFactor(frequency: frequency, normalizer: documentNormalizer[Int(document)])
            * termWeight(termID: termID, queryWeight: queryWeight)
    }

    /// The raw relevance of one document for a query over all its terms (same sum, in the same order, as
    /// `score(_:document:in:)`, without listing the terms).
    public func total(_ query: TextQuery, document: Int32, in index: InvertedIndex) -> Float {
        var total: Float = 0
        index.forEachShared(query, document: document) { position, frequency in
            let (id, weight) = query.terms[position]
            total += contribution(termID: id, queryWeight: weight, frequency: frequency, document: document)
        }
        return total
    }

    /// The raw relevance of one document for a query, with each matching term's contribution.
    public func score(_ query: TextQuery, document: Int32, in index: InvertedIndex) -> (
        total: Float, terms: [(id: Int32, contribution: Float)]
    ) {
        var total: Float = 0
        var terms: [(id: Int32, contribution: Float)] = []
        index.forEachShared(query, document: document) { position, frequency in
            let (id, weight) = query.terms[position]
            let value = contribution(termID: id, queryWeight: weight, frequency: frequency, document: document)
            total += value
            terms.append((id, value))
        }
        return (total, terms)
    }
}
