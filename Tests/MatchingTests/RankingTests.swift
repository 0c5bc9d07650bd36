import Testing

@testable import Matching

@Suite("Candidate ranking")
struct RankingTests {
    let experts = [ScoreFixtures.pharmacologist, ScoreFixtures.softwareEngineer, ScoreFixtures.compositesExpert]

    @Test("A carbon-fibre composites need ranks the composites expert above the pharmacologist")
    func chineseNeed() throws {
        let ranker = CandidateRanker(experts: experts, settings: ScoreFixtures.settings())
        let need = NeedRecord(id: "N1", title: "碳纤维复合材料界面性能提升", description: "需要提高碳纤维预浸料的层间强度")
        let ranking = ranker.rank(need)
        let first = try #require(ranking.candidates.first)
        #expect(first.expertID == "E-carbon")
        let pharma = ranking.candidates.first { $0.expertID == "E-pharma" }?.explanation.score ?? 0
        #expect(first.explanation.score > pharma)
        #expect(first.explanation.matchedTerms.contains { $0.term == "碳纤" || $0.term == "纤维" })
    }

    @Test("An English need finds the matching expert")
    func englishNeed() throws {
        let ranker = CandidateRanker(experts: experts, settings: ScoreFixtures.settings())
        let need = NeedRecord(id: "N2", title: "Cloud database for production data", keywords: ["data governance"])
        let first = try #require(ranker.rank(need).candidates.first)
        #expect(first.expertID == "E-soft")
        let english = NeedRecord(id: "N3", title: "Carbon fiber composite interface")
        #expect(ranker.rank(english).candidates.first?.expertID == "E-carbon")
    }

    @Test("An expert the enterprise names is a candidate even with no shared text")
    func preferredExpertAlwaysConsidered() {
        let settings = ScoreFixtures.settings(topK: 3)
        let ranker = CandidateRanker(experts: experts, settings: settings)
        var need = NeedRecord(id: "N4", title: "碳纤维复合材料")
        need.preferredExpertIDs = ["E-soft"]
        let ranking = ranker.rank(need)
        let soft = ranking.candidates.first { $0.expertID == "E-soft" }
        #expect(soft?.explanation.component(.preference)?.value == 1)
        // The pharmacologist shares nothing and is not named, so the index never proposes them.
        #expect(!ranking.candidates.contains { $0.expertID == "E-pharma" })
    }

    @Test("A discipline match without shared text still reaches the list")
    func disciplineOnlyCandidate() {
        let quiet = ScoreFixtures.expert("E-quiet", disciplines: ["43055"])
        let ranker = CandidateRanker(experts: experts + [quiet], settings: ScoreFixtures.settings())
        var need = NeedRecord(id: "N5", title: "叶片结构优化")
        need.disciplines = ["43055"]
        let ids = ranker.rank(need).candidates.map(\.expertID)
        #expect(ids.contains("E-quiet"))
    }

    @Test("Lists are cut at K and sorted by descending score, ties by expert id")
    func orderAndCut() {
        let twins = ["B", "A", "C"].map { ScoreFixtures.expert($0, keywords: ["激光"]) }
        let ranker = CandidateRanker(experts: twins + experts, settings: ScoreFixtures.settings(topK: 2))
        let ranking = ranker.rank(NeedRecord(id: "N6", title: "激光"))
        #expect(ranking.candidates.map(\.expertID) == ["A", "B"])
    }
}

@Suite("First pass")
struct FirstPassTests {
    @Test("Skipping common terms in the first pass never changes a listed pair's score")
    func listedScoresAreExact() {
        let pool = SyntheticPoolGenerator(seed: 21).generate(needs: 40, experts: 600)
        var full = ScoreFixtures.settings(topK: 10)
        full.firstPassDocumentRatio = 1
        var partial = full
        partial.firstPassDocumentRatio = 0.02
        partial.firstPassMinimumDocuments = 1
        let exact = CandidateRanker(experts: pool.experts, settings: full)
        let fast = CandidateRanker(experts: pool.experts, settings: partial)
        var compared = 0
        for need in pool.needs {
            let reference = Dictionary(
                uniqueKeysWithValues: exact.rank(need).candidates.map { ($0.expertID, $0.explanation.score) })
            for candidate in fast.rank(need).candidates {
                if let score = reference[candidate.expertID] {
                    #expect(score == candidate.explanation.score)
                    compared += 1
                }
            }
        }
        #expect(compared > 200)
    }
}
