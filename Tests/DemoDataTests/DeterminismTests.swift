import DemoData
import Domain
import Foundation
import Testing

@Suite struct DeterminismTests {
    @Test func sameSeedGivesEqualData() {
        let again = DemoDataSet.generate(today: Fixture.today)
        #expect(again == Fixture.data)
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(Fixture.data)
        let second = try encoder.encode(DemoDataSet.generate(seed: 2026, today: Fixture.today))
        #expect(first == second)
    }

    @Test func otherSeedGivesOtherData() {
        let other = DemoDataSet.generate(seed: 7, today: Fixture.today)
        #expect(other.experts.map(\.profile.name) != Fixture.data.experts.map(\.profile.name))
        #expect(other.enterprises.map(\.profile.name) != Fixture.data.enterprises.map(\.profile.name))
    }

    @Test func generatorIsRepeatable() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    }
}
