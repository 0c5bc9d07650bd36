/// Writes rankings as tab-separated lines: `need_id⇥expert_id⇥score⇥explanation-json`.
public enum ScoreOutputFormatter {
    /// One line per listed expert, best first; the score has 4 decimals.
    public static func scoreLines(_ ranking: NeedRanking) -> String {
        String(decoding: scoreLineBytes(ranking), as: UTF8.self)
    }

    /// `scoreLines` as UTF-8 bytes, without building strings.
    public static func scoreLineBytes(_ ranking: NeedRanking) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(ranking.candidates.count * 700)
        for candidate in ranking.candidates {
            out.append(contentsOf: ranking.needID.utf8)
            out.append(0x09)
            out.append(contentsOf: candidate.expertID.utf8)
            out.append(0x09)
            FixedDecimal.append(candidate.explanation.score, to: &out)
            out.append(0x09)
            candidate.explanation.appendJSON(to: &out)
            out.append(0x0A)
        }
        return out
    }

    /// `need_id⇥expert_id⇥reason,reason` for each excluded pair of a need.
    public static func exclusionLines(_ ranking: NeedRanking) -> String {
        ranking.exclusions.map { exclusionLine(needID: ranking.needID, $0) }.joined()
    }

    /// `*⇥expert_id⇥reason,reason` for each expert excluded from every need.
    public static func expertExclusionLines(_ exclusions: [PairExclusion]) -> String {
        exclusions.map { exclusionLine(needID: "*", $0) }.joined()
    }

    static func exclusionLine(needID: String, _ exclusion: PairExclusion) -> String {
        needID + "\t" + exclusion.expertID + "\t" + exclusion.reasons.map(\.rawValue).joined(separator: ",") + "\n"
    }
}
