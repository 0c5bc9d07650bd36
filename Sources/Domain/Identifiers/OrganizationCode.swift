/// The GB 11714 组织机构代码 check digit, which is also positions 9–17 of a USCC.
public enum OrganizationCode {
    public static let weights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// The check digit for an 8-character body of digits and uppercase letters (A=10 … Z=35).
    ///
    /// Returns `X` for 10, `0` for 11, or nil when the body is malformed.
    public static func checkDigit(forBody body: String) -> Character? {
        let chars = Array(body)
        guard chars.count == 8 else { return nil }
        var sum = 0
        for (char, weight) in zip(chars, weights) {
            guard let value = value(of: char) else { return nil }
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    /// Whether a 9-character organization code (body + check digit) is consistent.
    public static func isValid(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 9 else { return false }
        return checkDigit(forBody: String(chars[0..<8])) == chars[8]
    }

    static func value(of char: Character) -> Int? {
        guard char.isASCII, let ascii = char.asciiValue else { return nil }
        switch ascii {
        case 48...57: return Int(ascii) - 48
        case 65...90: return Int(ascii) - 55
        default: return nil
        }
    }
}
