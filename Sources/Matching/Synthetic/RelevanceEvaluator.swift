import Foundation

/// Measures how well a text relevance model ranks same-topic experts, using the generator's true topics.
public struct RelevanceEvaluation: Sendable, Equatable {
    public var model: RelevanceModel
    public var needsEvaluated: Int
    public var cutoff: Int
    /// Mean share of same-topic experts among the top `cutoff`.
    public var precision: Double
    /// Mean binary nDCG at `cutoff` (ideal: `cutoff` same-topic experts first).
    public var ndcg: Double
    /// Median raw score of the best expert and of the `cutoff`-th expert, for calibrating the text transform.
    public var medianTopRaw: Double
    public var medianCutoffRaw: Double
}

/// Text-only ranking of sampled needs against all experts, compared with the generator's `synthetic_topic`.
public enum RelevanceEvaluator {
    /// Evaluates `model` on every `stride`-th need that has a topic; experts without a topic never count.
    public static func evaluate(
        needs: [NeedRecord], experts: [ExpertRecord], model: RelevanceModel, cutoff: Int = 10, stride: Int = 1
    ) -> RelevanceEvaluation {
        let index = InvertedIndex.build(experts: experts)
        let prepared = model.prepare(for: index)
        var accumulator = TextAccumulator(documentCount: experts.count)
        var precisionSum = 0.0
        var ndcgSum = 0.0
        var tops: [Double] = []
        var lasts: [Double] = []
        var count = 0
        let ideal = (0..<cutoff).reduce(0.0) { $0 + 1 / log2(Double($1) + 2) }
        for (position, need) in needs.enumerated() where position % max(1, stride) == 0 {
            guard let topic = need.syntheticTopic else { continue }
            let query = TextQuery(need: need, index: index)
            accumulator.accumulate(query, index: index, model: prepared)
            var heap = BoundedBestHeap(capacity: cutoff)
            for document in accumulator.touched {
                heap.offer(value: Double(accumulator.scores[Int(document)]), document: document)
            }
            let ranked = heap.documents()
            var hits = 0
            var dcg = 0.0
            for (rank, document) in ranked.enumerated() where experts[Int(document)].syntheticTopic == topic {
                hits += 1
                dcg += 1 / log2(Double(rank) + 2)
            }
            precisionSum += Double(hits) / Double(cutoff)
            ndcgSum += dcg / ideal
            if let first = ranked.first { tops.append(Double(accumulator.scores[Int(first)])) }
            if ranked.count == cutoff, let last = ranked.last { lasts.append(Double(accumulator.scores[Int(last)])) }
            accumulator.reset()
            count += 1
        }
        return RelevanceEvaluation(
            model: model, needsEvaluated: count, cutoff: cutoff,
            precision: count > 0 ? precisionSum / Double(count) : 0,
            ndcg: count > 0 ? ndcgSum / Double(count) : 0, medianTopRaw: median(tops), medianCutoffRaw: median(lasts))
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
