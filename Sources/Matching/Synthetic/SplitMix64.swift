/// A small seeded generator (SplitMix64) whose sequence is fixed for a seed on every platform and release.
///
/// The helpers below are used instead of the standard library's `random(in:using:)` family, whose
/// algorithms are not promised to stay the same across Swift releases.
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

    /// A uniform integer in `0..<bound` (bound > 0), by multiply-shift (bias below 2⁻³² for our bounds).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(((next() >> 32) &* UInt64(bound)) >> 32)
    }

    /// A uniform integer in a closed range.
    public mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// true with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `count` distinct elements in random order (all of them when `count` ≥ the array's size).
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        let wanted = min(count, pool.count)
        for index in 0..<wanted {
            pool.swapAt(index, index + below(pool.count - index))
        }
        return Array(pool.prefix(wanted))
    }

    /// A derived generator for an independent stream (e.g. one per record), fixed by seed and stream number.
    public static func stream(seed: UInt64, _ number: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (number &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }
}
