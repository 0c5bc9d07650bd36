/// A (need, expert) pair, ordered by need then expert.
public struct AssignmentPair: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var need: Int
    public var expert: Int

    public init(need: Int, expert: Int) {
        self.need = need
        self.expert = expert
    }

    public static func < (lhs: AssignmentPair, rhs: AssignmentPair) -> Bool {
        lhs.need != rhs.need ? lhs.need < rhs.need : lhs.expert < rhs.expert
    }

    public var description: String { "(需求 \(need), 专家 \(expert))" }
}
