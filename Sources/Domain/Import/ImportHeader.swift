/// The header row of an import file resolved to column keys.
struct ImportHeader {
    /// Column key → index in the record.
    var indexes: [String: Int] = [:]
    var issues: [ImportIssue] = []

    /// Whether rows can be read: every required column is present.
    var isUsable = true

    init(_ header: [String], kind: ImportKind) {
        let columns = kind.columns
        for (index, cell) in header.enumerated() {
            let normalized = ImportColumn.normalize(cell)
            if normalized.isEmpty { continue }
            guard let column = columns.first(where: { $0.matches(normalizedHeader: normalized) }) else {
                issues.append(issue("unknown_column", "无法识别的列“\(cell)”，该列将被忽略"))
                continue
            }
            if indexes[column.key] != nil {
                issues.append(issue("duplicate_column", "“\(column.header)”列出现了多次"))
                isUsable = false
                continue
            }
            indexes[column.key] = index
        }
        for column in columns where column.isRequired && indexes[column.key] == nil {
            issues.append(issue("missing_column", "缺少必填列“\(column.header)”"))
            isUsable = false
        }
    }

    private func issue(_ code: String, _ message: String) -> ImportIssue {
        ImportIssue(row: 1, line: 1, field: "header", code: code, message: message)
    }
}
