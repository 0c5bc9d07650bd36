/// Maps a raw relevance score (BM25) into [0, 1] with one fixed, global saturating curve.
///
/// `value = raw / (raw + halfSaturation)`: 0 for no shared term, 0.5 at `halfSaturation`, approaching 1.
/// The curve is the same for every need and expert (no per-need or per-expert normalization), so a
/// higher value always means more shared, rarer terms. The default half-saturation 40 was set on the
/// synthetic pool (BENCHMARKS-scoring.md): the best expert's raw BM25 has a median of about 130 for a full
/// need (text 0.77) and 70 for a title-only need (0.64), the 50th same-topic expert about 50–105, and one
/// shared mid-frequency term gives about 10 (0.2), so the curve still separates strong from weak matches.
public struct TextRelevanceTransform: Sendable, Equatable {
    public var halfSaturation: Double = 40

    public init(halfSaturation: Double = 40) {
        self.halfSaturation = max(halfSaturation, 1e-9)
    }

    /// The transformed value of a raw score; negative and non-finite inputs give 0.
    public func value(raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 0 }
        return raw / (raw + halfSaturation)
    }
}
