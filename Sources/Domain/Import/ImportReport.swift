/// The outcome of reading an import file: the rows that passed and every issue, row by row.
public struct ImportReport<Item: Sendable & Equatable>: Sendable, Equatable {
    public var kind: ImportKind
    /// Non-blank data rows in the file.
    public var rowCount: Int
    /// Rows that passed every check and are not duplicates, in file order.
    public var accepted: [Item]
    /// Every problem, in file order.
    public var issues: [ImportIssue]

    public init(kind: ImportKind, rowCount: Int, accepted: [Item], issues: [ImportIssue]) {
        self.kind = kind
        self.rowCount = rowCount
        self.accepted = accepted
        self.issues = issues
    }

    public var isClean: Bool { issues.isEmpty }

    /// The spreadsheet rows with at least one issue.
    public var rejectedRows: [Int] {
        Array(Set(issues.map(\.row))).sorted()
    }
}
