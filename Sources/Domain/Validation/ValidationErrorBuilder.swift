import Foundation

/// Collects field errors while validating, then throws them all at once.
public struct ValidationErrorBuilder: Sendable, Equatable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public var isEmpty: Bool { errors.isEmpty }

    public mutating func add(_ error: FieldError) {
        errors.append(error)
    }

    public mutating func add(_ field: String, _ code: String, _ message: String) {
        errors.append(FieldError(field: field, code: code, message: message))
    }

    public mutating func add(contentsOf other: [FieldError]) {
        errors.append(contentsOf: other)
    }

    /// Runs a throwing check and records its errors instead of propagating them.
    @discardableResult
    public mutating func collect<T>(_ body: () throws(ValidationError) -> T) -> T? {
        do {
            return try body()
        } catch {
            errors.append(contentsOf: error.errors)
            return nil
        }
    }

    /// Requires a non-blank string; returns it trimmed.
    @discardableResult
    public mutating func require(_ value: String?, field: String, label: String) -> String? {
        let trimmed = value.map(TextNormalization.trim) ?? ""
        if trimmed.isEmpty {
            add(field, "required", "请填写\(label)")
            return nil
        }
        return trimmed
    }

    /// Checks a string's length in characters.
    public mutating func checkLength(_ value: String?, field: String, label: String, max: Int, min: Int = 0) {
        guard let value else { return }
        let count = value.count
        if count > max {
            add(field, "too_long", "\(label)不能超过\(max)个字")
        } else if count < min {
            add(field, "too_short", "\(label)至少需要\(min)个字")
        }
    }

    /// Throws a `ValidationError` when anything was collected.
    public func throwIfAny() throws(ValidationError) {
        if !errors.isEmpty { throw ValidationError(errors: errors) }
    }
}
