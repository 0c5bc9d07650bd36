/// A parsed CSV file: the header row and the data records, not yet interpreted.
public struct CSVTable: Sendable, Equatable {
    /// One data record with where it came from.
    public struct Record: Sendable, Equatable {
        /// The spreadsheet row number: the header is row 1, the first data record row 2.
        public var row: Int
        /// The physical line the record starts on (differs from `row` after cells with line breaks).
        public var line: Int
        public var fields: [String]

        public init(row: Int, line: Int, fields: [String]) {
            self.row = row
            self.line = line
            self.fields = fields
        }

        /// The field at `index`, or "" when the record is short.
        public subscript(index: Int) -> String {
            index < fields.count ? fields[index] : ""
        }

        /// Whether every field is blank (Excel leaves `,,,,` rows behind).
        public var isBlank: Bool {
            fields.allSatisfy { TextNormalization.clean($0).isEmpty }
        }
    }

    public var header: [String]
    public var records: [Record]

    public init(header: [String], records: [Record]) {
        self.header = header
        self.records = records
    }

    /// Parses RFC 4180 text whose first record is the header.
    public init(parsing text: String) throws(CSVError) {
        let rows = try CSVParser.parse(text)
        guard let first = rows.first else {
            throw CSVError(line: 1, code: "empty", message: "文件为空，缺少表头行")
        }
        header = first.fields
        records = rows.dropFirst().enumerated().map { offset, parsed in
            Record(row: offset + 2, line: parsed.line, fields: parsed.fields)
        }
    }

    /// Decodes bytes (UTF-8, UTF-8 with BOM or GB18030) and parses them.
    public init(bytes: [UInt8]) throws(CSVError) {
        try self.init(parsing: TextDecoding.decode(bytes).text)
    }
}
