import Foundation
import Testing

@testable import Matching

@Suite("Synthetic pool and determinism")
struct SyntheticTests {
    @Test("The same seed gives the same pool; another seed a different one")
    func generatorDeterminism() {
        let a = SyntheticPoolGenerator(seed: 42).generate(needs: 50, experts: 200)
        let b = SyntheticPoolGenerator(seed: 42).generate(needs: 50, experts: 200)
        let c = SyntheticPoolGenerator(seed: 43).generate(needs: 50, experts: 200)
        #expect(a.needs == b.needs && a.experts == b.experts)
        #expect(a.experts != c.experts)
    }

    @Test("Records vary and optional fields are sometimes absent")
    func coverage() {
        let pool = SyntheticPoolGenerator(seed: 5).generate(needs: 400, experts: 1000)
        #expect(Set(pool.needs.compactMap(\.syntheticTopic)).count > 20)
        #expect(Set(pool.needs.map(\.title)).count > 300)
        let withDescription = pool.needs.filter { $0.description != nil }.count
        #expect(withDescription > 200 && withDescription < 400)
        let withBirthYear = pool.experts.filter { $0.birthYear != nil }.count
        #expect(withBirthYear > 700 && withBirthYear < 1000)
        let checker = HardRuleChecker(settings: HardRuleSettings(asOf: ScoreFixtures.asOf))
        let reasons = Set(pool.experts.flatMap(checker.expertExclusions))
        #expect(reasons.count >= 6)
        #expect(pool.experts.contains { $0.tracks?.contains("新材料") == true || $0.tracks?.contains("大数据") == true })
    }

    @Test("Written files are identical byte for byte for the same seed")
    func filesIdentical() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kczy-synth-\(UInt64.random(in: 0...UInt64.max))"
        ).path
        defer { try? FileManager.default.removeItem(atPath: base) }
        try SyntheticPoolGenerator(seed: 9).generate(needs: 20, experts: 80).write(to: base + "/a")
        try SyntheticPoolGenerator(seed: 9).generate(needs: 20, experts: 80).write(to: base + "/b")
        for name in ["needs.jsonl", "experts.jsonl"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: base + "/a/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: base + "/b/" + name))
            #expect(a == b && !a.isEmpty)
        }
        let needs = try MatchInputFiles.loadNeeds(path: base + "/a/needs.jsonl")
        #expect(needs.count == 20)
    }

    @Test("Score output is identical for one thread and two, and across runs")
    func outputDeterminism() {
        let pool = SyntheticPoolGenerator(seed: 3).generate(needs: 60, experts: 500)
        func render(_ parallelism: Int, blockSize: Int) -> String {
            let ranker = CandidateRanker(
                experts: pool.experts, settings: ScoreFixtures.settings(), parallelism: parallelism)
            var out = ScoreOutputFormatter.expertExclusionLines(ranker.excludedExperts)
            ranker.rankAll(pool.needs, parallelism: parallelism, blockSize: blockSize) { block in
                for ranking in block {
                    out += ScoreOutputFormatter.scoreLines(ranking) + ScoreOutputFormatter.exclusionLines(ranking)
                }
            }
            return out
        }
        let one = render(1, blockSize: 512)
        #expect(!one.isEmpty)
        #expect(one == render(2, blockSize: 7))
        #expect(one == render(2, blockSize: 512))
    }

    @Test("On the synthetic pool, text ranking mostly finds same-topic experts")
    func relevanceSanity() {
        let pool = SyntheticPoolGenerator(seed: 1).generate(needs: 60, experts: 1500)
        let result = RelevanceEvaluator.evaluate(needs: pool.needs, experts: pool.experts, model: .standard)
        #expect(result.needsEvaluated == 60)
        #expect(result.precision > 0.6)
        // A shuffled ground truth must do much worse, or the measurement would mean nothing.
        var shuffled = pool.needs
        for index in shuffled.indices { shuffled[index].syntheticTopic = pool.needs[(index + 1) % 60].syntheticTopic }
        let control = RelevanceEvaluator.evaluate(needs: shuffled, experts: pool.experts, model: .standard)
        #expect(control.precision < result.precision - 0.3)
    }

    @Test("Seeded streams differ and repeat")
    func streams() {
        var a = SplitMix64.stream(seed: 1, 1)
        var b = SplitMix64.stream(seed: 1, 2)
        var c = SplitMix64.stream(seed: 1, 1)
        let first = (0..<4).map { _ in a.next() }
        #expect(first != (0..<4).map { _ in b.next() })
        #expect(first == (0..<4).map { _ in c.next() })
        var rng = SplitMix64(seed: 7)
        #expect((0..<1000).allSatisfy { _ in (0..<7).contains(rng.below(7)) })
    }
}
