/// How closely two GB/T 13745 discipline codes agree (3-digit first level, 5-digit second, 7-digit third).
public enum DisciplineMatchLevel: Int, Sendable, Comparable {
    case none = 0
    case sameFirstLevel = 1
    case sameSecondLevel = 2
    case exact = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The level of two codes: equal codes are exact; otherwise the deepest shared level prefix counts,
    /// so 430 against 43055 shares the first level and 43055 against 4305510 shares the second.
    public static func between(_ lhs: String, _ rhs: String) -> DisciplineMatchLevel {
        betweenNormalized(DisciplineMatchLevel.normalized(lhs), DisciplineMatchLevel.normalized(rhs))
    }

    /// `between` for codes already reduced to digits.
    static func betweenNormalized(_ a: String, _ b: String) -> DisciplineMatchLevel {
        guard a.count >= 3, b.count >= 3 else { return .none }
        if a == b { return .exact }
        if a.count >= 5, b.count >= 5, a.prefix(5) == b.prefix(5) { return .sameSecondLevel }
        if a.prefix(3) == b.prefix(3) { return .sameFirstLevel }
        return .none
    }

    /// The best level over all pairs of codes from two lists of digit-only codes.
    static func bestNormalized(_ lhs: [String], _ rhs: [String]) -> DisciplineMatchLevel {
        var best = DisciplineMatchLevel.none
        for a in lhs {
            for b in rhs {
                best = max(best, betweenNormalized(a, b))
                if best == .exact { return best }
            }
        }
        return best
    }

    /// The best level over all pairs of codes from two lists.
    public static func best(_ lhs: [String], _ rhs: [String]) -> DisciplineMatchLevel {
        var best = DisciplineMatchLevel.none
        for a in lhs {
            for b in rhs {
                best = max(best, between(a, b))
                if best == .exact { return best }
            }
        }
        return best
    }

    /// Digits only, so "430.55" and "43055" are the same code.
    public static func normalized(_ code: String) -> String {
        String(code.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.map(Character.init))
    }
}
