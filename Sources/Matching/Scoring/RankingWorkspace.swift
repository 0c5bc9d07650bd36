/// Per-thread scratch arrays for ranking one need at a time (text sums, discipline levels from postings).
public struct RankingWorkspace {
    var text: TextAccumulator
    /// A private tokenizer copy, so two threads never share the stop lists' reference counts.
    let tokenizer: TechTokenizer
    private(set) var attributes: [UInt8]
    private(set) var attributeTouched: [Int32] = []

    init(documentCount: Int, tokenizer: TechTokenizer) {
        self.tokenizer = tokenizer.isolatedCopy()
        text = TextAccumulator(documentCount: documentCount)
        attributes = [UInt8](repeating: 0, count: documentCount)
    }

    // The discipline level reached through postings (0 means untouched).
    mutating func raiseDiscipline(_ document: Int32, to level: DisciplineMatchLevel) {
        let current = attributes[Int(document)]
        if current == 0 { attributeTouched.append(document) }
        attributes[Int(document)] = max(UInt8(level.rawValue), current)
    }

    mutating func reset() {
        text.reset()
        for document in attributeTouched { attributes[Int(document)] = 0 }
        attributeTouched.removeAll(keepingCapacity: true)
    }
}
