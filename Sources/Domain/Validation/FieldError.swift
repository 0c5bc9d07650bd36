/// One problem with one input field, shown next to that field in the UI and returned by the API.
public struct FieldError: Sendable, Codable, Equatable, Hashable {
    /// The API's snake_case field name, e.g. `uscc` or `birth_year`.
    public var field: String
    /// A stable machine-readable code, e.g. `required` or `check_character`.
    public var code: String
    /// A message in Simplified Chinese for the user.
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

extension FieldError {
    /// The same error reported under another field name, e.g. `contact.phone` → `contact_phone`.
    public func renamed(to field: String) -> FieldError {
        FieldError(field: field, code: code, message: message)
    }
}
