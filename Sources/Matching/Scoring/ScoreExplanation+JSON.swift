extension ScoreExplanation {
    /// Compact JSON with keys in a fixed order and numbers with 4 decimals, identical byte for byte across runs:
    /// `{"score":…,"solver_score":…,"text_raw":…,"components":[{"name":…,"value":…,"weight":…,
    /// "contribution":…,"detail":…}],"matched_terms":[{"term":…,"contribution":…}]}`.
    public var json: String {
        var bytes: [UInt8] = []
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `json` as UTF-8 (no string is built, which matters for a million lines).
    public func appendJSON(to out: inout [UInt8]) {
        out.append(ascii: "{\"score\":")
        FixedDecimal.append(score, to: &out)
        out.append(ascii: ",\"solver_score\":")
        out.append(contentsOf: String(solverScore).utf8)
        out.append(ascii: ",\"text_raw\":")
        FixedDecimal.append(textRaw, to: &out)
        out.append(ascii: ",\"components\":[")
        for (index, component) in components.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(ascii: "{\"name\":\"")
            out.append(contentsOf: component.kind.rawValue.utf8)
            out.append(ascii: "\",\"value\":")
            FixedDecimal.append(component.value, to: &out)
            out.append(ascii: ",\"weight\":")
            FixedDecimal.append(component.weight, to: &out)
            out.append(ascii: ",\"contribution\":")
            FixedDecimal.append(component.contribution, to: &out)
            if let detail = component.detail {
                out.append(ascii: ",\"detail\":")
                JSONText.appendQuoted(detail, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(ascii: "],\"matched_terms\":[")
        for (index, term) in matchedTerms.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(ascii: "{\"term\":")
            JSONText.appendQuoted(term.term, to: &out)
            out.append(ascii: ",\"contribution\":")
            FixedDecimal.append(term.contribution, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(ascii: "]}")
    }
}

extension Array where Element == UInt8 {
    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
