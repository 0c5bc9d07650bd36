/// One candidate (need, expert) pair with its integer score (the scorer's [0,1] × 10^4; at most 10^6).
public struct AssignmentEdge: Hashable, Sendable {
    public var need: Int32
    public var expert: Int32
    public var score: Int32

    public init(need: Int, expert: Int, score: Int) {
        self.need = Int32(need)
        self.expert = Int32(expert)
        self.score = Int32(score)
    }
}
