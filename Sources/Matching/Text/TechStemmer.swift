/// Light English stemming for technical words: plurals, -ing/-ed and a few British spellings.
///
/// It is deliberately weaker than Porter: technical terms ("process", "analysis", "gas") must survive,
/// and the only goal is that "composites", "composite" and "composited" meet on one term.
public enum TechStemmer {
    /// British spellings folded to American so "fibre" and "fiber" match.
    static let spellings: [String: String] = [
        "fibre": "fiber", "fibres": "fibers", "centre": "center", "centres": "centers", "aluminium": "aluminum",
        "modelling": "modeling", "sulphur": "sulfur", "optimisation": "optimization", "optimise": "optimize",
        "characterisation": "characterization", "catalyse": "catalyze", "analyse": "analyze", "lenses": "lens",
    ]

    /// Words whose final "s" is not a plural.
    static let keepAsIs: Set<String> = ["lens", "bias", "gas", "plus", "status", "campus", "virus", "corpus"]

    /// The stem of a lower-cased word; digits and short words are returned unchanged.
    public static func stem(_ input: String) -> String { stem(Array(input.utf8)) }

    /// The stem of a lower-cased word given as UTF-8 bytes.
    static func stem(_ input: [UInt8]) -> String {
        var word = input
        if word.count >= 4, word.count <= 16, let mapped = spellings[String(decoding: word, as: UTF8.self)] {
            word = Array(mapped.utf8)
        }
        guard word.count > 3, word.contains(where: { $0 >= 0x61 && $0 <= 0x7A }),
            !keepAsIs.contains(String(decoding: word, as: UTF8.self))
        else { return String(decoding: word, as: UTF8.self) }
        if ends(word, "ies") && word.count > 4 {
            word.removeLast(3)
            word.append(UInt8(ascii: "y"))
        } else if ends(word, "sses") {
            word.removeLast(2)
        } else if ends(word, "s") && !ends(word, "ss") && !ends(word, "us") && !ends(word, "is") && !ends(word, "ics") {
            word.removeLast()
        }
        if ends(word, "ing") && word.count > 6 {
            word.removeLast(3)
        } else if ends(word, "ed") && word.count > 5 {
            word.removeLast(2)
        }
        if ends(word, "e") && word.count > 4 { word.removeLast() }
        // "controll(ing)" and "modell(ing)" should meet "control" and "model".
        if word.count > 4, word[word.count - 1] == UInt8(ascii: "l"), word[word.count - 2] == UInt8(ascii: "l") {
            word.removeLast()
        }
        return String(decoding: word, as: UTF8.self)
    }

    private static func ends(_ word: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard word.count >= count else { return false }
        return suffix.withUTF8Buffer { buffer in
            var index = 0
            while index < count {
                if word[word.count - count + index] != buffer[index] { return false }
                index += 1
            }
            return true
        }
    }
}
