/// The downloadable CSV templates for bulk import.
public enum ImportTemplate {
    /// The header row as CSV text (CRLF-terminated), required columns marked with `*`.
    public static func headerLine(for kind: ImportKind) -> String {
        CSVWriter.line(kind.columns.map(\.templateHeader))
    }

    /// The template file: the header row as UTF-8 with a BOM, so Excel shows the Chinese headers.
    public static func template(for kind: ImportKind) -> [UInt8] {
        CSVWriter.excelBytes([kind.columns.map(\.templateHeader)])
    }

    /// A suggested download file name.
    public static func fileName(for kind: ImportKind) -> String {
        "\(kind.label).csv"
    }
}
