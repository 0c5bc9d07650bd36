/// Term postings over expert profiles: for each term, the experts that use it and how often (weighted).
///
/// Postings are stored flat (CSR layout) and sorted by document number, which is the expert's position
/// in the input, so lookups and accumulation are deterministic.
public struct InvertedIndex: Sendable {
    /// Number of indexed documents (experts).
    public let documentCount: Int
    /// Every indexed term; a term's id is its position here.
    public let terms: [String]
    let termIDs: [TermKey: Int32]
    let postingStart: [Int]
    let postingDocuments: [Int32]
    let postingFrequencies: [Float]
    /// Forward index: each document's term ids (ascending) and weighted frequencies, for explaining and
    /// for scoring a few documents on terms too common to accumulate.
    let forwardStart: [Int]
    let forwardTerms: [Int32]
    let forwardFrequencies: [Float]
    /// Weighted length of each document (sum of weighted term frequencies).
    public let documentLengths: [Float]
    /// Mean of `documentLengths` (1 when the index is empty).
    public let averageDocumentLength: Float

    /// Builds the index from documents given as weighted term bags, document `i` at position `i`.
    public init(bags: [[(term: TermKey, frequency: Float)]]) {
        var termIDs: [TermKey: Int32] = [:]
        var terms: [String] = []
        var idBags: [[(Int32, Float)]] = []
        idBags.reserveCapacity(bags.count)
        var documentFrequency: [Int] = []
        for bag in bags {
            var idBag: [(Int32, Float)] = []
            idBag.reserveCapacity(bag.count)
            for (term, frequency) in bag {
                let id: Int32
                if let known = termIDs[term] {
                    id = known
                } else {
                    id = Int32(terms.count)
                    termIDs[term] = id
                    terms.append(term.text)
                    documentFrequency.append(0)
                }
                documentFrequency[Int(id)] += 1
                idBag.append((id, frequency))
            }
            idBags.append(idBag)
        }
        var start = [Int](repeating: 0, count: terms.count + 1)
        for id in 0..<terms.count { start[id + 1] = start[id] + documentFrequency[id] }
        var cursor = start
        var documents = [Int32](repeating: 0, count: start[terms.count])
        var frequencies = [Float](repeating: 0, count: start[terms.count])
        var lengths = [Float](repeating: 0, count: bags.count)
        var forwardStart = [Int](repeating: 0, count: bags.count + 1)
        var forwardTerms: [Int32] = []
        var forwardFrequencies: [Float] = []
        forwardTerms.reserveCapacity(start[terms.count])
        forwardFrequencies.reserveCapacity(start[terms.count])
        for (document, bag) in idBags.enumerated() {
            for (id, frequency) in bag.sorted(by: { $0.0 < $1.0 }) {
                forwardTerms.append(id)
                forwardFrequencies.append(frequency)
                let slot = cursor[Int(id)]
                documents[slot] = Int32(document)
                frequencies[slot] = frequency
                cursor[Int(id)] = slot + 1
                lengths[document] += frequency
            }
            forwardStart[document + 1] = forwardTerms.count
        }
        self.forwardStart = forwardStart
        self.forwardTerms = forwardTerms
        self.forwardFrequencies = forwardFrequencies
        self.documentCount = bags.count
        self.terms = terms
        self.termIDs = termIDs
        self.postingStart = start
        self.postingDocuments = documents
        self.postingFrequencies = frequencies
        self.documentLengths = lengths
        let total = lengths.reduce(0, +)
        self.averageDocumentLength = bags.isEmpty || total == 0 ? 1 : total / Float(bags.count)
    }

    /// The id of `term`, or nil when no document uses it.
    public func termID(_ term: String) -> Int32? { termIDs[TermKey(term: term)] }

    func termID(_ key: TermKey) -> Int32? { termIDs[key] }

    /// Number of documents that use the term with this id.
    public func documentFrequency(ofTermID id: Int32) -> Int {
        postingStart[Int(id) + 1] - postingStart[Int(id)]
    }

    /// Calls `body` with (query position, frequency) for each query term the document contains, by merging
    /// the query's ascending term ids with the document's.
    func forEachShared(_ query: TextQuery, document: Int32, _ body: (Int, Float) -> Void) {
        var slot = forwardStart[Int(document)]
        let end = forwardStart[Int(document) + 1]
        var position = 0
        let terms = query.terms
        while slot < end, position < terms.count {
            let documentTerm = forwardTerms[slot]
            let queryTerm = terms[position].id
            if documentTerm == queryTerm {
                body(position, forwardFrequencies[slot])
                slot += 1
                position += 1
            } else if documentTerm < queryTerm {
                slot += 1
            } else {
                position += 1
            }
        }
    }

    /// The weighted frequency of a term in a document, 0 when absent (binary search in the posting list).
    public func frequency(ofTermID id: Int32, inDocument document: Int32) -> Float {
        var lower = postingStart[Int(id)]
        var upper = postingStart[Int(id) + 1]
        while lower < upper {
            let middle = (lower + upper) / 2
            let value = postingDocuments[middle]
            if value == document { return postingFrequencies[middle] }
            if value < document { lower = middle + 1 } else { upper = middle }
        }
        return 0
    }
}
