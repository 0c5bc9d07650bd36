/// Remembers the first row that used each duplicate key.
struct DuplicateIndex {
    private var firstRows: [String: Int] = [:]

    /// Records `keys` for `row` and returns the earliest earlier row sharing any of them.
    mutating func firstRow(for keys: [String], row: Int) -> Int? {
        let earlier = keys.compactMap { firstRows[$0] }.min()
        for key in keys where firstRows[key] == nil {
            firstRows[key] = row
        }
        return earlier
    }
}
