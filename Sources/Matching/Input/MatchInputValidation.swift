/// Checks that decoded records carry non-empty, unique ids (the decoder already checked presence and types).
public enum MatchInputValidation {
    /// Throws a `MatchInputError` naming the record's position when an id is empty or repeated.
    /// `lineNumbers` maps a record index to its line; without it the index + 1 is reported.
    public static func checkIDs(_ ids: [String], file: String, lineNumbers: [Int]? = nil) throws {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            let line = lineNumbers?[index] ?? index + 1
            if id.isEmpty { throw MatchInputError(file: file, line: line, message: "field id is empty") }
            if let first = seen[id] {
                throw MatchInputError(file: file, line: line, message: "duplicate id \(id) (first on line \(first))")
            }
            seen[id] = line
        }
    }
}
