/// Hand-written reader for the bench's integer TSV files: `#` comment lines, blank lines skipped,
/// TAB-separated non-negative integers, optional `\r` before the newline.
///
/// Works on raw bytes and hands each row to the caller as it is read, so a million-line file needs no
/// intermediate table; Foundation's string splitting is far too slow for that many lines.
enum SolverTSVScanner {
    /// Calls `body(values, line)` for every data row, `values[0..<columns]` holding the row's numbers and
    /// `line` its 1-based line number; the first malformed row is an error naming `file` and the line.
    @inline(__always)
    static func forEachRow(
        _ bytes: [UInt8], columns: Int, file: String,
        _ body: (UnsafeMutablePointer<Int>, Int) throws(AssignmentError) -> Void
    ) throws(AssignmentError) {
        let values = UnsafeMutablePointer<Int>.allocate(capacity: max(columns, 1))
        defer { values.deallocate() }
        try bytes.withUnsafeBufferPointer { (buffer) throws(AssignmentError) in
            var i = 0
            var line = 0
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
                // Far from the end a row's numbers (at most 16 digits are read) cannot run past the buffer,
                // so the digit loop needs no bounds check there.
                let farFromEnd = n - i > 17 * columns
                for column in 0..<columns {
                    var value = 0
                    let start = i
                    if farFromEnd {
                        while i - start < 16 {
                            let d = buffer[i] &- UInt8(ascii: "0")
                            if d > 9 { break }
                            value = value &* 10 &+ Int(d)
                            i += 1
                        }
                    } else {
                        while i < n && i - start < 16 {
                            let d = buffer[i] &- UInt8(ascii: "0")
                            if d > 9 { break }
                            value = value &* 10 &+ Int(d)
                            i += 1
                        }
                    }
                    let digits = i - start
                    if digits == 0 || digits > 15 {
                        throw .malformedLine(file: file, line: line, reason: "第 \(column + 1) 列应为非负整数")
                    }
                    values[column] = value
                    if column + 1 < columns {
                        guard i < n, buffer[i] == tab else {
                            throw .malformedLine(file: file, line: line, reason: "应有 \(columns) 列，以 TAB 分隔")
                        }
                        i += 1
                    } else if i < n && buffer[i] != newline && buffer[i] != carriage {
                        throw .malformedLine(file: file, line: line, reason: "应有 \(columns) 列，以 TAB 分隔")
                    }
                }
                if i < n && buffer[i] == carriage { i += 1 }
                i += 1
                try body(values, line)
            }
        }
    }
}
