/// How a need's region and an expert's region relate (GB/T 2260: 6-digit city codes, first 2 digits province).
public enum RegionMatchLevel: Int, Sendable, Comparable {
    case unknown = 0
    case outOfProvince = 1
    case sameProvince = 2
    case sameCity = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Same city when both codes have at least 4 digits and agree on them (so a district code such as
    /// 220102 counts as 长春 220100); same province when the first 2 digits agree; unknown when either
    /// side is absent or shorter than 2 digits.
    public static func between(need: String?, expert: String?) -> RegionMatchLevel {
        between(need: need.flatMap(RegionCode.init), expert: expert.flatMap(RegionCode.init))
    }

    static func between(need: RegionCode?, expert: RegionCode?) -> RegionMatchLevel {
        guard let need, let expert else { return .unknown }
        if need.province != expert.province { return .outOfProvince }
        if let a = need.city, let b = expert.city, a == b { return .sameCity }
        return .sameProvince
    }
}

/// A GB/T 2260 code split into its province (first 2 digits) and city (first 4 digits, when given).
struct RegionCode: Sendable, Equatable {
    let province: Int
    let city: Int?

    /// nil when the code has fewer than 2 digits.
    init?(_ text: String) {
        let digits = text.unicodeScalars.compactMap {
            $0.properties.numericType == .decimal ? Int($0.value) - 0x30 : nil
        }
        .filter { (0...9).contains($0) }
        guard digits.count >= 2 else { return nil }
        province = digits[0] * 10 + digits[1]
        city = digits.count >= 4 ? province * 100 + digits[2] * 10 + digits[3] : nil
    }
}
