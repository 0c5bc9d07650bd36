/// An RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF.
public enum CSVParser {
    /// A parsed record and the 1-based line it starts on.
    public struct ParsedRecord: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// Splits `text` into records; a final line break does not start an empty record.
    public static func parse(_ text: String) throws(CSVError) -> [ParsedRecord] {
        var records: [ParsedRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 1
        var afterClosingQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            records.append(ParsedRecord(line: recordLine, fields: fields))
            fields = []
        }

        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = scalars.next()
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && pending != "\n") { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", pending == "\n" { pending = scalars.next() }
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !afterClosingQuote else {
                    throw CSVError(
                        line: line, code: "unexpected_quote", message: "未加引号的单元格中出现了引号，含引号的内容应整体用英文双引号括起，并把引号写成两个")
                }
                inQuotes = true
                quoteLine = line
            default:
                guard !afterClosingQuote else {
                    throw CSVError(line: line, code: "unexpected_quote", message: "引号结束后应紧跟逗号或换行")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw CSVError(line: quoteLine, code: "unterminated_quote", message: "从这一行开始的引号没有结束")
        }
        if !field.isEmpty || !fields.isEmpty || afterClosingQuote {
            endRecord()
        }
        return records
    }
}
