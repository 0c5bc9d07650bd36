/// Why a need cannot be (fully) filled, as data plus a Simplified Chinese message for program staff.
public struct FeasibilityShortfall: Sendable, Equatable {
    /// The reason code.
    public enum Reason: String, Sendable, Equatable {
        /// The need has no eligible candidate at all (no edge left after exclusions).
        case noEligibleCandidate
        /// Every candidate expert has no capacity left (capacity 0, taken by locks, or unit quota used up).
        case allCandidatesAtCapacity
        /// The need's enterprise already has its maximum number of experts.
        case enterpriseCapReached
        /// The region (市州) quota of the need's enterprise is used up.
        case regionQuotaReached
        /// Several needs compete for the same few experts, who cannot take them all.
        case competition
    }

    public var need: Int
    public var reason: Reason
    /// Slots of this need left empty.
    public var missingSlots: Int
    /// Experts involved: the candidates at capacity, or the contested experts.
    public var experts: [Int]
    /// Needs involved in a competition (this need included), sorted.
    public var competingNeeds: [Int]
    /// For `competition`: how many slots the contested experts can take in total.
    public var contestedCapacity: Int
    /// Message for program staff.
    public var message: String

    public init(
        need: Int, reason: Reason, missingSlots: Int, experts: [Int] = [], competingNeeds: [Int] = [],
        contestedCapacity: Int = 0
    ) {
        self.need = need
        self.reason = reason
        self.missingSlots = missingSlots
        self.experts = experts
        self.competingNeeds = competingNeeds
        self.contestedCapacity = contestedCapacity
        self.message = Self.message(
            need: need, reason: reason, missing: missingSlots, experts: experts, needs: competingNeeds,
            capacity: contestedCapacity)
    }

    private static func message(
        need: Int, reason: Reason, missing: Int, experts: [Int], needs: [Int], capacity: Int
    ) -> String {
        let head = "需求 \(need) 还差 \(missing) 名专家："
        switch reason {
        case .noEligibleCandidate:
            return head + "没有任何符合条件的候选专家（无候选匹配），请放宽条件或在补录中重新征集。"
        case .allCandidatesAtCapacity:
            return head + "全部 \(experts.count) 位候选专家都已满员（剩余服务容量为 0 或已被锁定的匹配占用）。"
        case .enterpriseCapReached:
            return head + "该企业已达到可接收专家的上限。"
        case .regionQuotaReached:
            return head + "该企业所在地区（市州）的名额已用完。"
        case .competition:
            return head
                + "这 \(needs.count) 项需求在竞争同一批 \(experts.count) 位专家，"
                + "而这些专家总共只能承担 \(capacity) 项。"
        }
    }
}
