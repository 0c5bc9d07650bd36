import Domain
import LibPQ

extension PGError {
    /// Maps constraint violations to field errors a user can act on; other errors stay as they are.
    ///
    /// The field is derived from PostgreSQL's constraint naming (`table_column_key`, `table_column_fkey`,
    /// `table_column_check`), so a new column needs no new mapping.
    public var domainError: (any Error)? {
        guard kind == .server, let sqlState else { return nil }
        let field = constraint.map { Self.field(fromConstraint: $0, table: table) } ?? column ?? "id"
        switch sqlState {
        case State.uniqueViolation:
            return ValidationError(FieldError(field: field, code: "duplicate", message: "已存在相同的记录"))
        case State.foreignKeyViolation:
            return ValidationError(FieldError(field: field, code: "unknown_reference", message: "引用的记录不存在"))
        case State.checkViolation:
            return ValidationError(FieldError(field: field, code: "invalid", message: "取值不符合要求"))
        case State.notNullViolation:
            return ValidationError(FieldError(field: column ?? field, code: "required", message: "此项必填"))
        default:
            return nil
        }
    }

    static func field(fromConstraint name: String, table: String?) -> String {
        var s = Substring(name)
        if let table, s.hasPrefix(table + "_") { s = s.dropFirst(table.count + 1) }
        for suffix in ["_fkey", "_key", "_check", "_excl"] where s.hasSuffix(suffix) {
            s = s.dropLast(suffix.count)
            break
        }
        // Unnamed multi-column checks are called "table_check", "table_check1": no single field.
        return s.isEmpty || s.allSatisfy(\.isNumber) ? "id" : String(s)
    }
}

/// Runs storage work and converts constraint violations into `ValidationError`.
func mappingConstraintErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PGError {
        throw error.domainError ?? error
    }
}
