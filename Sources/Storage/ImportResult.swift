import Domain

/// What to do with an uploaded file.
public enum ImportMode: String, Sendable, Codable, CaseIterable {
    /// Validate only; import nothing.
    case check
    /// Import only when every row is valid.
    case all
    /// Import the valid rows; report the others.
    case valid

    /// Whether rows are loaded, given the issues found.
    func loads(issues: [ImportIssue]) -> Bool { self == .valid || (self == .all && issues.isEmpty) }
}

/// The outcome of an import, row by row.
public struct ImportResult: Sendable, Codable, Equatable {
    public var mode: ImportMode
    public var rowCount: Int
    public var imported: Int
    public var issues: [ImportIssue]

    enum CodingKeys: String, CodingKey {
        case mode, imported, issues
        case rowCount = "row_count"
    }
}
