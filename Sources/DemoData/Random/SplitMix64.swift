/// A small deterministic pseudo-random generator (SplitMix64), so a seed always gives the same data set.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`, computed without the standard library's unspecified algorithms.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// A uniform integer in `0..<count`.
    public mutating func index(_ count: Int) -> Int {
        precondition(count > 0, "cannot pick from an empty collection")
        return Int(next() % UInt64(count))
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < p
    }

    /// One element, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[index(items.count)]
    }

    /// An index drawn in proportion to `weights`.
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weights must have a positive sum")
        var roll = index(total)
        for (offset, weight) in weights.enumerated() {
            if roll < weight { return offset }
            roll -= weight
        }
        return weights.count - 1
    }

    /// A Fisher–Yates shuffle that depends only on this generator.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        var i = copy.count - 1
        while i > 0 {
            copy.swapAt(i, index(i + 1))
            i -= 1
        }
        return copy
    }

    /// `count` distinct elements in their original order.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        let chosen = Set(shuffled(Array(items.indices)).prefix(count))
        return items.indices.filter { chosen.contains($0) }.map { items[$0] }
    }
}
