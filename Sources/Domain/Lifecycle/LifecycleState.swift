import Foundation

/// A state in a lifecycle whose allowed moves are a data table, not scattered `if`s.
public protocol LifecycleState: Vocabulary {
    /// The lifecycle's Chinese name for messages, e.g. `需求`.
    static var lifecycleName: String { get }
    /// Every allowed move: state → states it may go to.
    static var transitions: [Self: Set<Self>] { get }
    /// Target states that need a written reason (returns, rejections, terminations).
    static var reasonRequired: Set<Self> { get }
}

extension LifecycleState {
    public static var reasonRequired: Set<Self> { [] }

    /// The states reachable from `state` in one move.
    public static func targets(from state: Self) -> Set<Self> {
        transitions[state] ?? []
    }

    public static func canTransition(from: Self, to: Self) -> Bool {
        targets(from: from).contains(to)
    }

    /// Returns `to` when the move is allowed, otherwise throws an error naming the current state.
    @discardableResult
    public static func transition(from: Self, to: Self) throws(TransitionError) -> Self {
        guard canTransition(from: from, to: to) else {
            throw TransitionError(lifecycle: lifecycleName, from: from, to: to, code: .notAllowed)
        }
        return to
    }

    /// Checks the move and the reason rule, and returns the record to store.
    public static func record(
        from: Self, to: Self, actor: String, at: Date, reason: String? = nil
    ) throws(TransitionError) -> StateTransition<Self> {
        try transition(from: from, to: to)
        let trimmed = reason.map(TextNormalization.trim)
        if reasonRequired.contains(to), trimmed?.isEmpty ?? true {
            throw TransitionError(lifecycle: lifecycleName, from: from, to: to, code: .reasonRequired)
        }
        return StateTransition(
            from: from, to: to, actor: actor, at: at, reason: trimmed?.isEmpty == true ? nil : trimmed)
    }

    /// No move leads out of this state.
    public var isTerminal: Bool { Self.targets(from: self).isEmpty }
}
