import Testing

@testable import Matching

@Suite("Explained scores")
struct ScoreTests {
    @Test("Scores stay in [0, 1] and the contributions add up to the score")
    func boundsAndSum() {
        let pool = SyntheticPoolGenerator(seed: 11).generate(needs: 30, experts: 300)
        let ranker = CandidateRanker(experts: pool.experts, settings: ScoreFixtures.settings(topK: 20))
        var checked = 0
        for need in pool.needs {
            for candidate in ranker.rank(need).candidates {
                let explanation = candidate.explanation
                #expect(explanation.score >= 0 && explanation.score <= 1)
                let sum = explanation.components.reduce(0) { $0 + $1.contribution }
                #expect(abs(sum - explanation.score) < 1e-9)
                #expect(explanation.components.map(\.kind) == ScoreComponentKind.allCases)
                #expect((1...10000).contains(explanation.solverScore))
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test("A perfect pair scores 1 and an empty pair scores 0 under any weights")
    func extremes() {
        var need = NeedRecord(id: "N", title: "激光")
        need.track = "光电信息"
        need.disciplines = ["51020"]
        need.region = "220100"
        need.enterpriseID = "ENT"
        need.preferredExpertIDs = ["X"]
        var expert = ScoreFixtures.expert("X", disciplines: ["51020"], tracks: ["optoelectronics"], region: "220102")
        expert.cooperatedEnterpriseIDs = ["ENT"]
        var weights = ScoreWeights()
        weights.textTransform = TextRelevanceTransform(halfSaturation: 1e-9)
        let full = CandidateScorer(weights: weights).explain(need: need, expert: expert, textRaw: 1e9)
        #expect(abs(full.score - 1) < 1e-6)
        let empty = CandidateScorer().explain(
            need: NeedRecord(id: "M", title: "x"), expert: ExpertRecord(id: "Y"), textRaw: 0)
        #expect(empty.score == 0)
        #expect(empty.solverScore == 1)
    }

    @Test("Scores are not normalized per need: a weak need's best pair scores below a strong need's")
    func globalScale() throws {
        let ranker = CandidateRanker(
            experts: [ScoreFixtures.compositesExpert, ScoreFixtures.pharmacologist], settings: ScoreFixtures.settings())
        var strong = NeedRecord(id: "S", title: "碳纤维复合材料预浸料界面")
        strong.disciplines = ["43055"]
        strong.track = "new_materials"
        let weak = NeedRecord(id: "W", title: "材料成本")
        let strongBest = try #require(ranker.rank(strong).candidates.first?.explanation.score)
        let weakBest = try #require(ranker.rank(weak).candidates.first?.explanation.score)
        #expect(strongBest > weakBest + 0.2)
        // The same pair gets the same score whichever other needs are ranked with it.
        var alone: [Double] = []
        ranker.rankAll([strong], parallelism: 1) { alone = $0.flatMap { $0.candidates.map(\.explanation.score) } }
        var mixed: [Double] = []
        ranker.rankAll([weak, strong, weak], parallelism: 2, blockSize: 1) { block in
            mixed += block.filter { $0.needID == "S" }.flatMap { $0.candidates.map(\.explanation.score) }
        }
        #expect(alone == mixed)
    }

    @Test("More evidence never lowers the score: exact discipline beats second level beats first level")
    func disciplineOrder() {
        var need = NeedRecord(id: "N", title: "t")
        need.disciplines = ["4305510"]
        let scorer = CandidateScorer()
        let scores = ["4305510", "43055", "43040", "610"].map { code in
            scorer.explain(need: need, expert: ScoreFixtures.expert("X", disciplines: [code]), textRaw: 0).score
        }
        #expect(scores[0] > scores[1] && scores[1] > scores[2] && scores[2] > scores[3])
        #expect(DisciplineMatchLevel.between("430", "43055") == .sameFirstLevel)
    }

    @Test("Region: same city beats same province beats out of province; track names in Chinese match codes")
    func regionAndTrack() {
        let levels = ["220102", "220200", "440300"].map { RegionMatchLevel.between(need: "220100", expert: $0) }
        #expect(levels == [.sameCity, .sameProvince, .outOfProvince])
        #expect(RegionMatchLevel.between(need: "220100", expert: nil) == .unknown)
        #expect(IndustryTrack.normalizedCode("新材料") == "new_materials")
        #expect(IndustryTrack.normalizedCode(" New Energy ") == "new_energy")
    }

    @Test("The explanation JSON lists each component's value, weight and contribution")
    func explanationJSON() {
        let half = ScoreWeights().textTransform.halfSaturation
        let explanation = CandidateScorer().explain(
            need: NeedRecord(id: "N", title: "t"), expert: ExpertRecord(id: "X"), textRaw: half,
            matchedTerms: [MatchedTerm(term: "a\"b", contribution: 1.5)])
        let json = explanation.json
        #expect(
            json.hasPrefix(
                "{\"score\":0.2000,\"solver_score\":2000,\"text_raw\":\(FixedDecimal.format(half)),\"components\":["))
        #expect(json.contains("{\"name\":\"text\",\"value\":0.5000,\"weight\":0.4000,\"contribution\":0.2000}"))
        #expect(json.contains("\"matched_terms\":[{\"term\":\"a\\\"b\",\"contribution\":1.5000}]"))
    }
}
