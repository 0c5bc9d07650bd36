import Domain
import LibPQ

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

/// The skeleton both importers share: resolve each accepted row to its owner, report the rows that do not
/// resolve, and COPY the rest when the mode allows, all on the caller's transaction.
enum ImportRunner {
    /// Reads a CSV file into a report, turning an unreadable file into a field error on `file`.
    static func read<Item>(_ body: () throws -> ImportReport<Item>) throws -> ImportReport<Item> {
        do {
            return try body()
        } catch {
            throw ValidationError(FieldError(field: "file", code: "unreadable", message: "\(error)"))
        }
    }

    static func load<Item>(
        _ c: PGConnection, mode: ImportMode, report: ImportReport<Item>, resolve: (Item) -> Int?,
        unresolved: (Item) -> ImportIssue, existing: (Item, Int) -> ImportIssue? = { _, _ in nil }, copy sql: String,
        fields: (Item, Int) -> [String?]
    ) throws -> ImportResult {
        var issues = report.issues
        var rows: [(Item, Int)] = []
        for item in report.accepted {
            guard let owner = resolve(item) else {
                issues.append(unresolved(item))
                continue
            }
            // A row that repeats what the database already holds is reported, never loaded twice.
            if let duplicate = existing(item, owner) { issues.append(duplicate) } else { rows.append((item, owner)) }
        }
        issues.sort { ($0.row, $0.field) < ($1.row, $1.field) }
        var imported = 0
        if mode.loads(issues: issues) && !rows.isEmpty {
            imported = try c.copyIn(sql) { w in
                for (item, owner) in rows { try w.appendRow(fields(item, owner)) }
            }
        }
        return ImportResult(mode: mode, rowCount: report.rowCount, imported: imported, issues: issues)
    }
}
