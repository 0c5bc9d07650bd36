import Foundation

/// Writes RFC 4180 CSV, quoting only when needed, with CRLF line ends as Excel expects.
public enum CSVWriter {
    public static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    public static func text(_ rows: [[String]]) -> String {
        rows.map(line).joined()
    }

    /// UTF-8 bytes with a BOM, so Excel opens Chinese text correctly.
    public static func excelBytes(_ rows: [[String]]) -> [UInt8] {
        TextDecoding.bom + Array(text(rows).utf8)
    }

    static func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
