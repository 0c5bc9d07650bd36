/// Reusable per-thread scratch space that sums a query's postings into per-document raw scores.
///
/// Only documents sharing a term with the query are touched, so a query never scores every expert.
public struct TextAccumulator {
    /// Raw relevance per document; valid for documents in `touched`, zero elsewhere.
    public private(set) var scores: [Float]
    /// Documents touched by the last accumulation, in first-touch order.
    public private(set) var touched: [Int32] = []
    private var isTouched: [Bool]

    public init(documentCount: Int) {
        scores = [Float](repeating: 0, count: documentCount)
        isTouched = [Bool](repeating: false, count: documentCount)
    }

    /// Adds the query's contributions to every document in the query terms' postings, skipping terms used by
    /// more than `maxDocumentFrequency` documents (their scores are then partial; see `CandidateRanker`).
    public mutating func accumulate(
        _ query: TextQuery, index: InvertedIndex, model: PreparedRelevanceModel, maxDocumentFrequency: Int = .max
    ) {
        // Raw buffers keep reference counting out of the inner loop, which matters when two threads
        // read the same shared arrays.
        index.postingDocuments.withUnsafeBufferPointer { documents in
            index.postingFrequencies.withUnsafeBufferPointer { frequencies in
                model.documentNormalizer.withUnsafeBufferPointer { normalizer in
                    scores.withUnsafeMutableBufferPointer { scores in
                        isTouched.withUnsafeMutableBufferPointer { isTouched in
                            for (id, weight) in query.terms {
                                let lower = index.postingStart[Int(id)]
                                let upper = index.postingStart[Int(id) + 1]
                                guard upper - lower <= maxDocumentFrequency else { continue }
                                let termWeight = model.termWeight(termID: id, queryWeight: weight)
                                for slot in lower..<upper {
                                    let document = Int(documents[slot])
                                    if !isTouched[document] {
                                        isTouched[document] = true
                                        touched.append(Int32(document))
                                    }
                                    scores[document] +=
                                        model.termFactor(
                                            frequency: frequencies[slot], normalizer: normalizer[document]) * termWeight
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether the last accumulation touched this document.
    public func wasTouched(_ document: Int32) -> Bool { isTouched[Int(document)] }

    /// Clears the touched documents so the accumulator can serve the next query.
    public mutating func reset() {
        for document in touched {
            scores[Int(document)] = 0
            isTouched[Int(document)] = false
        }
        touched.removeAll(keepingCapacity: true)
    }
}
