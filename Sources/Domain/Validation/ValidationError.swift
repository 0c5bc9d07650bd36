/// The input was rejected; carries every field error found, not just the first.
public struct ValidationError: Error, Sendable, Codable, Equatable {
    public var errors: [FieldError]

    public init(errors: [FieldError]) {
        self.errors = errors
    }

    public init(_ error: FieldError) {
        self.errors = [error]
    }

    /// The field names that have at least one error, in order of first appearance.
    public var fields: [String] {
        var seen = Set<String>()
        return errors.map(\.field).filter { seen.insert($0).inserted }
    }

    /// The errors for one field.
    public func errors(for field: String) -> [FieldError] {
        errors.filter { $0.field == field }
    }
}

extension ValidationError: CustomStringConvertible {
    public var description: String {
        errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }
}
