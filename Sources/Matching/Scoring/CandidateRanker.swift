/// Builds the index over expert profiles once, then lists each need's top experts with explained scores.
///
/// Per need: sum text postings and discipline/track postings (never all pairs), keep the best
/// `candidatePoolSize` eligible experts by text + discipline + track, add the experts the need names as
/// preferred, the experts who chose the need and the experts (or units) who worked with the enterprise,
/// score them all with every component, apply the pair rules and keep the top K.
public struct CandidateRanker: Sendable {
    public let settings: CandidateRankingSettings
    public let experts: [ExpertProfile]
    public let index: InvertedIndex
    public let model: PreparedRelevanceModel
    /// Reasons that exclude each expert from every need, by input position (empty when eligible).
    public let expertExclusions: [[ExclusionReason]]
    let eligible: [Bool]
    let expertIDs: [String]
    let attributes: ExpertAttributeIndex
    let documentByID: [String: Int32]
    let choosersByNeed: [String: [Int32]]
    let cooperatorsByEnterprise: [String: [Int32]]
    let scorer: CandidateScorer
    let checker: HardRuleChecker
    let tokenizer = TechTokenizer()

    public init(experts records: [ExpertRecord], settings: CandidateRankingSettings, parallelism: Int = 2) {
        self.settings = settings
        experts = records.map(ExpertProfile.init)
        index = InvertedIndex.build(
            experts: records, tokenizer: tokenizer, weights: settings.fieldWeights, parallelism: parallelism)
        model = settings.model.prepare(for: index)
        checker = HardRuleChecker(settings: settings.rules)
        scorer = CandidateScorer(weights: settings.weights)
        expertExclusions = records.map(checker.expertExclusions)
        eligible = expertExclusions.map(\.isEmpty)
        expertIDs = records.map(\.id)
        attributes = ExpertAttributeIndex(experts: experts)
        var byID: [String: Int32] = [:]
        var choosers: [String: [Int32]] = [:]
        var cooperators: [String: [Int32]] = [:]
        for (position, record) in records.enumerated() {
            let document = Int32(position)
            if byID[record.id] == nil { byID[record.id] = document }
            for need in Set(record.chosenNeedIDs ?? []).sorted() { choosers[need, default: []].append(document) }
            let enterprises = Set((record.cooperatedEnterpriseIDs ?? []) + (record.unitCooperatedEnterpriseIDs ?? []))
            for enterprise in enterprises.sorted() { cooperators[enterprise, default: []].append(document) }
        }
        documentByID = byID
        choosersByNeed = choosers
        cooperatorsByEnterprise = cooperators
    }

    /// Experts excluded from every need, in input order, with their reasons.
    public var excludedExperts: [PairExclusion] {
        zip(experts, expertExclusions).compactMap { expert, reasons in
            reasons.isEmpty ? nil : PairExclusion(expertID: expert.record.id, reasons: reasons)
        }
    }

    /// Scratch space for `rank(_:workspace:)`; make one per thread and reuse it.
    public func makeWorkspace() -> RankingWorkspace {
        RankingWorkspace(documentCount: experts.count, tokenizer: tokenizer)
    }

    /// Ranks one need with a fresh workspace.
    public func rank(_ need: NeedRecord) -> NeedRanking {
        var workspace = makeWorkspace()
        return rank(need, workspace: &workspace)
    }

    /// Ranks one need; `workspace` is left clean for the next call.
    public func rank(_ need: NeedRecord, workspace: inout RankingWorkspace) -> NeedRanking {
        let profile = NeedProfile(need)
        let query = TextQuery(need: need, index: index, tokenizer: workspace.tokenizer, weights: settings.fieldWeights)
        var limit = settings.firstPassLimit(documentCount: experts.count)
        // A need made only of common terms still gets text candidates.
        if !query.terms.contains(where: { index.documentFrequency(ofTermID: $0.id) <= limit }) { limit = .max }
        workspace.text.accumulate(query, index: index, model: model, maxDocumentFrequency: limit)
        touchAttributes(of: profile, workspace: &workspace)
        var pool = selectPool(need: profile, workspace: workspace)
        let selectedCount = pool.count
        pool.append(contentsOf: forcedCandidates(for: profile))
        let ranking = finish(profile, query: query, pool: pool, selectedCount: selectedCount)
        workspace.reset()
        return ranking
    }
}
