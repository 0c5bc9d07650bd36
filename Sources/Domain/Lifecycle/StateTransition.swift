import Foundation

/// One recorded move of an entity from one state to another: who, when and why.
public struct StateTransition<State: LifecycleState>: Sendable, Codable, Equatable {
    public var from: State
    public var to: State
    /// The acting user's id, or `system` for scheduled moves such as expiry.
    public var actor: String
    public var at: Date
    public var reason: String?

    public init(from: State, to: State, actor: String, at: Date, reason: String? = nil) {
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.reason = reason
    }
}
