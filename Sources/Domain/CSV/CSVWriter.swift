import Foundation

/// Writes RFC 4180 CSV, quoting only when needed, with CRLF line ends as Excel expects.
public enum CSVWriter {
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    public static func text(_ rows: [[String]]) -> String {
        rows.map(line).joined()
    }

    /// UTF-8 bytes with a BOM, so Excel opens Chinese text correctly; formula-like cells are neutralised.
    public static func excelBytes(_ rows: [[String]]) -> [UInt8] {
        TextDecoding.bom + Array(text(rows.map { $0.map(neutralise) }).utf8)
    }

    /// Cells Excel would run as a formula (`=`, `+`, `@`, or `-` not starting a number) get a leading `'`, so a
    /// name typed at registration can never execute in the spreadsheet of whoever downloads a report.
    static func neutralise(_ field: String) -> String {
        guard let first = field.unicodeScalars.first else { return field }
        let risky: Set<Unicode.Scalar> = ["=", "+", "@", "\t", "\r"]
        if risky.contains(first) { return "'" + field }
        if first == "-", !(field.dropFirst().first?.isNumber ?? false) { return "'" + field }
        return field
    }

    static func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
