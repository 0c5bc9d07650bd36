import Foundation

/// A horizontal bar chart drawn as SVG on the server.
///
/// Swift computes the geometry; the `chart` template draws it, so every label goes through Mustache's escaping and
/// the page needs no script (the CSP allows none).
struct BarChart: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: Double
        /// What is written after the bar (the value with its unit).
        var text: String
    }

    var title: String
    var bars: [Bar]

    static let width = 800
    static let labelWidth = 240
    static let barArea = 440
    static let rowHeight = 26
    /// At 13 px a CJK character is about 13 px wide: 16 characters fit the label column with room to spare.
    static let maxLabel = 16

    /// The values the `chart` template needs; an empty chart says so instead of drawing nothing.
    var templateData: [String: Any] {
        let top = bars.map(\.value).max() ?? 0
        let rows: [[String: Any]] = bars.enumerated().map { i, bar in
            let y = i * Self.rowHeight
            let length =
                top > 0 ? max(bar.value > 0 ? 2 : 0, Int((bar.value / top * Double(Self.barArea)).rounded())) : 0
            let label = bar.label.count > Self.maxLabel ? String(bar.label.prefix(Self.maxLabel - 1)) + "…" : bar.label
            return [
                "label": label, "fullLabel": bar.label, "text": bar.text, "labelX": Self.labelWidth - 8,
                "textY": y + 18, "barX": Self.labelWidth, "barY": y + 5, "barWidth": length,
                "barHeight": Self.rowHeight - 10, "valueX": Self.labelWidth + length + 6,
            ]
        }
        return [
            "title": title, "width": Self.width, "height": max(Self.rowHeight, bars.count * Self.rowHeight + 4),
            "bars": rows, "empty": bars.isEmpty,
        ]
    }

    /// Integer counts, labelled with a unit such as 人 or 项.
    static func counts(_ title: String, _ pairs: [(String, Int)], unit: String) -> BarChart {
        BarChart(
            title: title,
            bars: pairs.map {
                Bar(label: $0.0, value: Double($0.1), text: unit.isEmpty ? "\($0.1)" : "\($0.1) \(unit)")
            })
    }
}
