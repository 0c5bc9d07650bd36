/// Stop words for technical text: English words, Chinese stop bigrams and Chinese stop characters.
public struct TechStopWords: Sendable {
    /// Whole terms dropped after tokenizing (English words, Chinese bigrams or single characters).
    public var words: Set<TermKey>
    /// Chinese characters that cut a run of Chinese text and are themselves dropped (的, 和, 与, …).
    public var characters: Set<UInt32>

    /// Stop lists from plain strings: `words` as the tokenizer prints terms, `characters` as one string.
    public init(words: [String], characters: String) {
        self.words = Set(words.map(TermKey.init(term:)))
        self.characters = Set(characters.unicodeScalars.map(\.value))
    }

    init(words: Set<TermKey>, characters: Set<UInt32>) {
        self.words = words
        self.characters = characters
    }

    func isStopWord(_ term: TermKey) -> Bool { words.contains(term) }
    func isStopCharacter(_ value: UInt32) -> Bool { characters.contains(value) }

    /// The default lists. Characters that also start real terms (等 in 等离子, 并 in 并行, 对 in 对称)
    /// are left out of `characters` on purpose.
    public static let standard = TechStopWords(
        words: english + chinese,
        characters: "的了和与及或之其而着吗呢也都很被把"
    )

    static let english: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "do", "does", "for",
        "from", "has", "have", "how", "in", "into", "is", "it", "its", "may", "more", "most", "no", "not", "of",
        "on", "or", "our", "over", "such", "than", "that", "the", "their", "them", "then", "there", "these",
        "they", "this", "those", "through", "to", "under", "up", "use", "used", "using", "via", "was", "we",
        "were", "what", "when", "which", "while", "who", "will", "with", "within", "would", "also", "based",
        "both", "each", "other", "some", "new", "need", "needs", "need", "provide", "improv", "improve",
        "develop", "development", "company", "enterprise", "study", "among", "between", "about", "all", "any",
        "us", "provid", "so", "if", "via", "per", "etc", "year", "main",
    ]

    static let chinese: [String] = [
        "进行", "以及", "通过", "可以", "一种", "一个", "我们", "需要", "相关", "提供", "具有", "主要", "开展",
        "实现", "问题", "目前", "现有", "针对", "解决", "如何", "能够", "其中", "基于", "利用", "采用", "用于",
        "对于", "关于", "由于", "根据", "要求", "公司", "我司", "企业", "希望", "寻求", "方面", "存在", "提高",
        "提升", "以上", "已经", "并且", "为了", "以便", "研究", "开发", "工作", "方法", "技术",
    ]
}
