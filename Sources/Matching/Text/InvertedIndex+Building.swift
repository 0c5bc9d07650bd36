import Dispatch

extension InvertedIndex {
    /// Indexes expert profiles (summary, keywords, publications, achievements), tokenizing on `parallelism` threads.
    public static func build(
        experts: [ExpertRecord], tokenizer: TechTokenizer = TechTokenizer(),
        weights: ProfileFieldWeights = ProfileFieldWeights(), parallelism: Int = 2
    ) -> InvertedIndex {
        let chunkCount = max(1, min(experts.count / 512, parallelism * 8))
        let slots = ChunkSlots<[[(term: TermKey, frequency: Float)]]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = experts.count * chunk / chunkCount
            let upper = experts.count * (chunk + 1) / chunkCount
            // A private copy of the stop lists keeps the two threads off one shared reference count.
            let tokenizer = tokenizer.isolatedCopy()
            var bags: [[(term: TermKey, frequency: Float)]] = []
            bags.reserveCapacity(upper - lower)
            for index in lower..<upper {
                bags.append(termBag(weights.fields(of: experts[index]), tokenizer: tokenizer))
            }
            slots.store(chunk, bags)
        }
        var bags: [[(term: TermKey, frequency: Float)]] = []
        bags.reserveCapacity(experts.count)
        for chunk in 0..<chunkCount { bags.append(contentsOf: slots.value(chunk) ?? []) }
        return InvertedIndex(bags: bags)
    }

    /// Weighted term frequencies of some fields, in first-occurrence order (so ids are assigned deterministically).
    static func termBag(_ fields: [(text: String, weight: Float)], tokenizer: TechTokenizer) -> [(
        term: TermKey, frequency: Float
    )] {
        var position: [TermKey: Int] = [:]
        var bag: [(term: TermKey, frequency: Float)] = []
        for (text, weight) in fields {
            tokenizer.forEachTerm(in: text) { term in
                if let index = position[term] {
                    bag[index].frequency += weight
                } else {
                    position[term] = bag.count
                    bag.append((term, weight))
                }
            }
        }
        return bag
    }
}
