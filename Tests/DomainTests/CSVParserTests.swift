import Testing

@testable import Domain

@Suite("CSV parser")
struct CSVParserTests {
    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let text = "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"line1\r\nline2\"\r\nplain,,\"\"\r\n"
        let records = try CSVParser.parse(text)
        #expect(
            records.map(\.fields) == [
                ["a", "b", "c"], ["x, y", "he said \"hi\"", "line1\r\nline2"], ["plain", "", ""],
            ])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func lfAndNoTrailingNewline() throws {
        #expect(try CSVParser.parse("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try CSVParser.parse("a,b\n1,2\n").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try CSVParser.parse("a,b\r1,2\r").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try CSVParser.parse("").isEmpty)
    }

    @Test func trailingEmptyFieldAndLastQuotedEmpty() throws {
        #expect(try CSVParser.parse("a,").map(\.fields) == [["a", ""]])
        #expect(try CSVParser.parse("\"\"").map(\.fields) == [[""]])
    }

    @Test func unterminatedQuoteReportsStartLine() {
        let error = #expect(throws: CSVError.self) { try CSVParser.parse("a,b\n1,2\n3,\"open\nmore\n") }
        #expect(error?.code == "unterminated_quote")
        #expect(error?.line == 3)
    }

    @Test func strayQuotesReportLine() {
        let inside = #expect(throws: CSVError.self) { try CSVParser.parse("a,b\n1,x\"y\n") }
        #expect(inside?.code == "unexpected_quote")
        #expect(inside?.line == 2)
        let after = #expect(throws: CSVError.self) { try CSVParser.parse("a\n\"q\"\n\"x\"y\n") }
        #expect(after?.line == 3)
    }

    @Test func tableNumbersRowsLikeASpreadsheet() throws {
        let table = try CSVTable(parsing: "h1,h2\n\"multi\nline\",1\nnext,2\n")
        #expect(table.header == ["h1", "h2"])
        #expect(table.records.map(\.row) == [2, 3])
        #expect(table.records.map(\.line) == [2, 4])
        #expect(table.records[1][5] == "")
        #expect(throws: CSVError.self) { try CSVTable(parsing: "") }
    }

    @Test func writerRoundTrips() throws {
        let rows = [["名称", "说明"], ["a,b", "say \"x\"\nnext"], ["", "plain"]]
        #expect(try CSVParser.parse(CSVWriter.text(rows)).map(\.fields) == rows)
    }

    @Test func excelDownloadsNeverCarryFormulas() throws {
        let rows = [["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "-cmd", "-12.5", "甲大学", "0"]]
        let text = String(decoding: CSVWriter.excelBytes(rows).dropFirst(3), as: UTF8.self)
        #expect(
            try CSVParser.parse(text).map(\.fields) == [
                ["'=HYPERLINK(\"http://x\")", "'+1", "'@SUM(A1)", "'-cmd", "-12.5", "甲大学", "0"]
            ])
    }
}
