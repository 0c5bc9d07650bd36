/// A CSV file could not be read; `line` is the 1-based physical line where the problem starts.
public struct CSVError: Error, Sendable, Codable, Equatable {
    public var line: Int
    /// `encoding`, `unterminated_quote`, `unexpected_quote`, `empty`.
    public var code: String
    public var message: String

    public init(line: Int, code: String, message: String) {
        self.line = line
        self.code = code
        self.message = message
    }
}

extension CSVError: CustomStringConvertible {
    public var description: String { "第\(line)行：\(message)" }
}
