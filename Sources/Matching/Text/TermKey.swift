/// An index term in a form that hashes fast: Chinese bigrams and single characters packed into an integer,
/// Latin words kept as (ASCII-fast) strings.
public struct TermKey: Hashable, Sendable {
    // Chinese: 1 << 63 | first scalar << 21 | second scalar (0 for a single character); Latin words: 0.
    let packed: UInt64
    let word: String

    init(han first: UInt32, _ second: UInt32 = 0) {
        packed = 1 << 63 | UInt64(first) << 21 | UInt64(second)
        word = ""
    }

    init(word: String) {
        packed = 0
        self.word = word
    }

    /// The key of a term as `TechTokenizer.tokenize` prints it (one or two Chinese characters, or a word).
    public init(term: String) {
        let scalars = Array(term.unicodeScalars)
        if (1...2).contains(scalars.count), scalars.allSatisfy({ TechTokenizer.isHan($0.value) }) {
            self.init(han: scalars[0].value, scalars.count == 2 ? scalars[1].value : 0)
        } else {
            self.init(word: term)
        }
    }

    /// The term as text.
    public var text: String {
        guard packed != 0 else { return word }
        var scalars = String.UnicodeScalarView()
        if let first = Unicode.Scalar(UInt32((packed >> 21) & 0x1F_FFFF)) { scalars.append(first) }
        let secondValue = UInt32(packed & 0x1F_FFFF)
        if secondValue != 0, let second = Unicode.Scalar(secondValue) { scalars.append(second) }
        return String(scalars)
    }

    public func hash(into hasher: inout Hasher) {
        if packed != 0 { hasher.combine(packed) } else { hasher.combine(word) }
    }
}
