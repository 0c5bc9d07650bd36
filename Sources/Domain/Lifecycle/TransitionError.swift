/// A refused state change; the message names the current state in Chinese and by code.
public struct TransitionError: Error, Sendable, Codable, Equatable {
    /// Why the change was refused.
    public enum Code: String, Sendable, Codable {
        case notAllowed = "transition_not_allowed"
        case reasonRequired = "reason_required"
    }

    public var lifecycle: String
    public var from: String
    public var to: String
    public var code: Code
    public var message: String

    public init<State: LifecycleState>(lifecycle: String, from: State, to: State, code: Code) {
        self.lifecycle = lifecycle
        self.from = from.rawValue
        self.to = to.rawValue
        self.code = code
        switch code {
        case .notAllowed:
            self.message = "\(lifecycle)当前状态为“\(from.label)”（\(from.rawValue)），不能变更为“\(to.label)”（\(to.rawValue)）"
        case .reasonRequired:
            self.message = "\(lifecycle)从“\(from.label)”（\(from.rawValue)）变更为“\(to.label)”（\(to.rawValue)）时必须填写原因"
        }
    }

    /// The same problem as a field error on `status` (or `reason`), for the common error body.
    public var fieldError: FieldError {
        FieldError(field: code == .reasonRequired ? "reason" : "status", code: code.rawValue, message: message)
    }
}

extension TransitionError: CustomStringConvertible {
    public var description: String { message }
}
