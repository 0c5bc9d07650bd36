import Domain
import Foundation

/// Formatting shared by the pages (Beijing time for timestamps, Chinese labels for codes).
enum PageFormat {
    static let beijing = TimeZone(secondsFromGMT: 8 * 3600)!

    static func dateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = beijing
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    static func labels<V: Vocabulary>(_ codes: [String], _: V.Type) -> String {
        codes.map { V(rawValue: $0)?.label ?? $0 }.joined(separator: "、")
    }
}

extension PageFormat {
    /// A text for a `{{#key}}…{{/key}}` section: Mustache treats "" as true, so empty text becomes `false`.
    static func text(_ s: String?) -> Any {
        guard let s, !s.isEmpty else { return false }
        return s
    }

    /// Days on site: whole days without a decimal point, half days with one (1, 0.5, 12.5).
    static func days(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%.1f", d)
    }
}
