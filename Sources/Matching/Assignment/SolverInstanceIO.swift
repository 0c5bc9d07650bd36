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
        let demand = try table(files.needs, file: files.name("needs.tsv"))
        let capacity = try table(files.experts, file: files.name("experts.tsv"))
        let file = files.name("edges.tsv")
        var edges: [AssignmentEdge] = []
        // A row takes at least 6 bytes; reserved but unused capacity is never touched.
        edges.reserveCapacity(files.edges.count / 6 + 1)
        let needs = demand.count
        let experts = capacity.count
        try SolverTSVScanner.forEachRow(files.edges, columns: 3, file: file) { (v, line) throws(AssignmentError) in
            guard v[0] < needs, v[1] < experts, v[2] <= Int(Int32.max) else {
                throw .malformedLine(file: file, line: line, reason: "需求或专家编号超出范围，或分数过大")
            }
            edges.append(AssignmentEdge(need: v[0], expert: v[1], score: v[2]))
        }
        var problem = AssignmentProblem(needDemand: demand, expertCapacity: capacity, edges: edges)
        problem.locked = try pairs(files.locked, file: files.name("locked.tsv"), problem: problem)
        problem.forbidden = try pairs(files.forbidden, file: files.name("forbidden.tsv"), problem: problem)
        return problem
    }

    /// `id<TAB>value` rows into a dense table of size max id + 1 (missing ids get 0).
    private static func table(_ bytes: [UInt8], file: String) throws(AssignmentError) -> [Int] {
        var ids: [Int] = []
        var values: [Int] = []
        var firstLine = 0
        try SolverTSVScanner.forEachRow(bytes, columns: 2, file: file) { (v, line) throws(AssignmentError) in
            if ids.isEmpty { firstLine = line }
            guard v[1] <= Int(Int32.max) else { throw .malformedLine(file: file, line: line, reason: "数值过大") }
            ids.append(v[0])
            values.append(v[1])
        }
        let size = (ids.max() ?? -1) + 1
        guard size <= 50_000_000 else { throw .malformedLine(file: file, line: firstLine, reason: "编号过大") }
        var table = [Int](repeating: 0, count: size)
        for (id, value) in zip(ids, values) { table[id] = value }
        return table
    }

    private static func pairs(
        _ bytes: [UInt8]?, file: String, problem: AssignmentProblem
    ) throws(AssignmentError) -> [AssignmentPair] {
        guard let bytes else { return [] }
        var pairs: [AssignmentPair] = []
        try SolverTSVScanner.forEachRow(bytes, columns: 2, file: file) { (v, line) throws(AssignmentError) in
            let pair = AssignmentPair(need: v[0], expert: v[1])
            guard pair.need < problem.needCount, pair.expert < problem.expertCount else {
                throw .malformedLine(file: file, line: line, reason: "需求或专家编号超出范围")
            }
            pairs.append(pair)
        }
        return pairs
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
