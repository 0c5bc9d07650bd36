/// Small deterministic text helpers (no locale, no Foundation formatting).
enum Format {
    /// `n` in decimal, left-padded with zeros to `width`.
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A stable id such as `ent-0001`.
    static func id(_ prefix: String, _ n: Int, width: Int) -> String {
        "\(prefix)-\(padded(n, width))"
    }
}
