/// Splits mixed Chinese and English technical text into index terms.
///
/// Full-width forms become half-width and case is folded. Latin letters and digits form words that get
/// light stemming (`TechStemmer`). A run of Chinese characters, cut at stop characters, becomes
/// overlapping character bigrams, or the character itself when the run is one character long.
/// Punctuation separates tokens and is dropped, as are stop words (`TechStopWords`).
public struct TechTokenizer: Sendable {
    public var stopWords: TechStopWords

    public init(stopWords: TechStopWords = .standard) {
        self.stopWords = stopWords
    }

    /// A tokenizer whose stop lists share no storage with this one (for use on another thread).
    public func isolatedCopy() -> TechTokenizer {
        TechTokenizer(
            stopWords: TechStopWords(words: Set(Array(stopWords.words)), characters: Set(Array(stopWords.characters))))
    }

    /// The terms of `text`, in order, repeats kept.
    public func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        forEachTerm(in: text) { tokens.append($0.text) }
        return tokens
    }

    /// Calls `body` with the key of each term of `text`, in order (no string is built for Chinese terms).
    public func forEachTerm(in text: String, _ body: (TermKey) -> Void) {
        var latin: [UInt8] = []
        var han: [UInt32] = []
        for raw in text.unicodeScalars {
            let scalar = Self.halfWidth(raw)
            let value = scalar.value
            if value < 0x80 {
                if let lower = Self.asciiWordByte(value) {
                    flushHan(&han, body)
                    latin.append(lower)
                } else {
                    flushLatin(&latin, body)
                    flushHan(&han, body)
                }
            } else if Self.isHan(value) {
                flushLatin(&latin, body)
                if stopWords.isStopCharacter(value) {
                    flushHan(&han, body)
                } else {
                    han.append(value)
                }
            } else if !Self.isCJKSymbolOrKana(value) && scalar.properties.isAlphabetic {
                flushHan(&han, body)
                latin.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                flushLatin(&latin, body)
                flushHan(&han, body)
            }
        }
        flushLatin(&latin, body)
        flushHan(&han, body)
    }

    private func flushLatin(_ latin: inout [UInt8], _ body: (TermKey) -> Void) {
        guard !latin.isEmpty else { return }
        defer { latin.removeAll(keepingCapacity: true) }
        // One letter or digit carries no meaning on its own.
        guard latin.count > 1 else { return }
        let word = TermKey(word: String(decoding: latin, as: UTF8.self))
        guard !stopWords.isStopWord(word) else { return }
        let stemmed = TermKey(word: TechStemmer.stem(latin))
        if !stopWords.isStopWord(stemmed) { body(stemmed) }
    }

    private func flushHan(_ han: inout [UInt32], _ body: (TermKey) -> Void) {
        guard !han.isEmpty else { return }
        defer { han.removeAll(keepingCapacity: true) }
        if han.count == 1 {
            let key = TermKey(han: han[0])
            if !stopWords.isStopWord(key) { body(key) }
            return
        }
        for index in 0..<(han.count - 1) {
            let key = TermKey(han: han[index], han[index + 1])
            if !stopWords.isStopWord(key) { body(key) }
        }
    }

    /// Maps full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to their half-width forms.
    static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value >= 0xFF01 && value <= 0xFF5E { return Unicode.Scalar(value - 0xFEE0) ?? scalar }
        if value == 0x3000 { return " " }
        return scalar
    }

    /// A lower-cased ASCII letter or digit, or nil for ASCII punctuation and space.
    static func asciiWordByte(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x30...0x39, 0x61...0x7A: return UInt8(value)
        case 0x41...0x5A: return UInt8(value + 0x20)
        default: return nil
        }
    }

    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x2FFFF).contains(value)
    }

    static func isCJKSymbolOrKana(_ value: UInt32) -> Bool {
        (0x3000...0x30FF).contains(value) || (0xFF00...0xFFEF).contains(value)
    }
}
