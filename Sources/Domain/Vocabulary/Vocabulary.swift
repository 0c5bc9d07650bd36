/// A closed list of codes with Chinese labels: stored and sent as the snake_case code, shown as the label.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    /// The Chinese label shown in the UI.
    var label: String { get }
    /// Other spellings accepted on import (Chinese synonyms, common abbreviations).
    var synonyms: [String] { get }
}

extension Vocabulary {
    public var code: String { rawValue }

    public var synonyms: [String] { [] }

    /// Finds the value whose code, label or synonym matches `text` (trimmed, full-width folded, case-insensitive).
    public static func parse(_ text: String) -> Self? {
        // The code itself, as the API and the database send it: no normalisation needed.
        if let exact = Self(rawValue: text) { return exact }
        let needle = TextNormalization.clean(text).lowercased()
        guard !needle.isEmpty else { return nil }
        return allCases.first { value in
            value.rawValue == needle || TextNormalization.halfWidth(value.label).lowercased() == needle
                || value.synonyms.contains { TextNormalization.halfWidth($0).lowercased() == needle }
        }
    }

    /// Parses `text` or records an error listing the accepted labels.
    public static func parse(_ text: String, field: String, label: String, into errors: inout ValidationErrorBuilder)
        -> Self?
    {
        if let value = parse(text) { return value }
        let accepted = allCases.map(\.label).joined(separator: "、")
        errors.add(field, "invalid_choice", "\(label)“\(TextNormalization.clean(text))”无法识别，可选：\(accepted)")
        return nil
    }
}
