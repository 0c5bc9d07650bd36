/// Reads the bench instance format (edges.tsv, experts.tsv, needs.tsv, optional locked.tsv and
/// forbidden.tsv) from bytes and writes the solution format (`need_id<TAB>expert_id` per line).
///
/// No file access here: the caller reads and writes the bytes.
public enum SolverInstanceIO {
    /// File contents of one instance directory; the names are used in error messages.
    public struct Files: Sendable {
        public var edges: [UInt8]
        public var experts: [UInt8]
        public var needs: [UInt8]
        public var locked: [UInt8]?
        public var forbidden: [UInt8]?
        public var directory: String

        public init(
            edges: [UInt8], experts: [UInt8], needs: [UInt8], locked: [UInt8]? = nil, forbidden: [UInt8]? = nil,
            directory: String = "."
        ) {
            self.edges = edges
            self.experts = experts
            self.needs = needs
            self.locked = locked
            self.forbidden = forbidden
            self.directory = directory
        }

        func name(_ file: String) -> String { directory + "/" + file }
    }

    /// Parses an instance; every malformed or out-of-range line is an error naming the file and line.
    public static func parse(_ files: Files) throws(AssignmentError) -> AssignmentProblem {
        let needs = try SolverTSVScanner(files.needs, columns: 2, file: files.name("needs.tsv"))
        let experts = try SolverTSVScanner(files.experts, columns: 2, file: files.name("experts.tsv"))
        let demand = try table(needs, file: files.name("needs.tsv"))
        let capacity = try table(experts, file: files.name("experts.tsv"))
        let edgeRows = try SolverTSVScanner(files.edges, columns: 3, file: files.name("edges.tsv"))
        var edges: [AssignmentEdge] = []
        edges.reserveCapacity(edgeRows.rowCount)
        try edgeRows.values.withUnsafeBufferPointer { (v) throws(AssignmentError) in
            for row in 0..<edgeRows.rowCount {
                let need = v[3 * row]
                let expert = v[3 * row + 1]
                let score = v[3 * row + 2]
                guard need < demand.count, expert < capacity.count, score <= Int(Int32.max) else {
                    throw .malformedLine(
                        file: files.name("edges.tsv"), line: Int(edgeRows.lines[row]), reason: "需求或专家编号超出范围，或分数过大")
                }
                edges.append(AssignmentEdge(need: need, expert: expert, score: score))
            }
        }
        var problem = AssignmentProblem(needDemand: demand, expertCapacity: capacity, edges: edges)
        problem.locked = try pairs(files.locked, file: files.name("locked.tsv"), problem: problem)
        problem.forbidden = try pairs(files.forbidden, file: files.name("forbidden.tsv"), problem: problem)
        return problem
    }

    /// `id<TAB>value` rows into a dense table of size max id + 1 (missing ids get 0).
    private static func table(_ rows: SolverTSVScanner, file: String) throws(AssignmentError) -> [Int] {
        var size = 0
        for row in 0..<rows.rowCount { size = max(size, rows.values[2 * row] + 1) }
        guard size <= 50_000_000 else { throw .malformedLine(file: file, line: Int(rows.lines[0]), reason: "编号过大") }
        var table = [Int](repeating: 0, count: size)
        for row in 0..<rows.rowCount {
            guard rows.values[2 * row + 1] <= Int(Int32.max) else {
                throw .malformedLine(file: file, line: Int(rows.lines[row]), reason: "数值过大")
            }
            table[rows.values[2 * row]] = rows.values[2 * row + 1]
        }
        return table
    }

    private static func pairs(
        _ bytes: [UInt8]?, file: String, problem: AssignmentProblem
    ) throws(AssignmentError) -> [AssignmentPair] {
        guard let bytes else { return [] }
        let rows = try SolverTSVScanner(bytes, columns: 2, file: file)
        return try (0..<rows.rowCount).map { (row) throws(AssignmentError) in
            let pair = AssignmentPair(need: rows.values[2 * row], expert: rows.values[2 * row + 1])
            guard pair.need < problem.needCount, pair.expert < problem.expertCount else {
                throw .malformedLine(file: file, line: Int(rows.lines[row]), reason: "需求或专家编号超出范围")
            }
            return pair
        }
    }

    /// The solution file: one `need_id<TAB>expert_id` line per pair, in the given order.
    public static func format(_ pairs: [AssignmentPair]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pairs.count * 14)
        var digits = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int) {
            var v = value
            var count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            while count > 0 {
                count -= 1
                out.append(digits[count])
            }
        }
        for pair in pairs {
            put(pair.need)
            out.append(UInt8(ascii: "\t"))
            put(pair.expert)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
