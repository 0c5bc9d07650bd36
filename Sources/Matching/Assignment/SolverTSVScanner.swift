/// Hand-written reader for the bench's integer TSV files: `#` comment lines, blank lines skipped,
/// TAB-separated non-negative integers, optional `\r` before the newline.
///
/// Works on raw bytes; Foundation's string splitting is far too slow for a million lines.
struct SolverTSVScanner {
    /// Values row after row (`columns` per row).
    var values: [Int]
    /// 1-based line number of each row.
    var lines: [Int32]

    init(_ bytes: [UInt8], columns: Int, file: String) throws(AssignmentError) {
        var newlines = 1
        for byte in bytes where byte == UInt8(ascii: "\n") { newlines += 1 }
        var values = [Int](repeating: 0, count: newlines * columns)
        var lines = [Int32](repeating: 0, count: newlines)
        var rows = 0
        let failure: (line: Int, reason: String)? = bytes.withUnsafeBufferPointer { buffer in
            values.withUnsafeMutableBufferPointer { out in
                lines.withUnsafeMutableBufferPointer { lineOut in
                    Self.scan(buffer, columns: columns, values: out, lines: lineOut, rows: &rows)
                }
            }
        }
        if let failure { throw .malformedLine(file: file, line: failure.line, reason: failure.reason) }
        values.removeLast(values.count - rows * columns)
        lines.removeLast(lines.count - rows)
        self.values = values
        self.lines = lines
    }

    private static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, columns: Int, values: UnsafeMutableBufferPointer<Int>,
        lines: UnsafeMutableBufferPointer<Int32>, rows: inout Int
    ) -> (line: Int, reason: String)? {
        var i = 0
        var line = 0
        var written = 0
        let n = buffer.count
        let newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")
        let tab = UInt8(ascii: "\t")
        while i < n {
            line += 1
            let c0 = buffer[i]
            if c0 == UInt8(ascii: "#") || c0 == newline || c0 == carriage {
                while i < n && buffer[i] != newline { i += 1 }
                i += 1
                continue
            }
            for column in 0..<columns {
                var value = 0
                var digits = 0
                while i < n {
                    let d = buffer[i] &- UInt8(ascii: "0")
                    if d > 9 { break }
                    value = value &* 10 &+ Int(d)
                    digits += 1
                    i += 1
                }
                if digits == 0 || digits > 15 { return (line, "第 \(column + 1) 列应为非负整数") }
                values[written] = value
                written += 1
                if column + 1 < columns {
                    guard i < n, buffer[i] == tab else { return (line, "应有 \(columns) 列，以 TAB 分隔") }
                    i += 1
                } else if i < n && buffer[i] != newline && buffer[i] != carriage {
                    return (line, "应有 \(columns) 列，以 TAB 分隔")
                }
            }
            if i < n && buffer[i] == carriage { i += 1 }
            i += 1
            lines[rows] = Int32(clamping: line)
            rows += 1
        }
        return nil
    }

    var rowCount: Int { lines.count }
}
