/// One problem found in an import file, located by spreadsheet row.
public struct ImportIssue: Sendable, Codable, Equatable {
    /// The spreadsheet row (header = 1).
    public var row: Int
    /// The physical line where the row starts.
    public var line: Int
    /// The column key, e.g. `birth_year`; `header` for problems with the header row.
    public var field: String
    public var code: String
    public var message: String

    public init(row: Int, line: Int, field: String, code: String, message: String) {
        self.row = row
        self.line = line
        self.field = field
        self.code = code
        self.message = message
    }

    init(row: Int, line: Int, _ error: FieldError) {
        self.init(row: row, line: line, field: error.field, code: error.code, message: error.message)
    }
}
