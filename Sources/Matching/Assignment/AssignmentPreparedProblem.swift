/// A validated problem with locks applied: remaining limits, and free edges grouped by need.
struct AssignmentPreparedProblem: Sendable {
    var demand: [Int]
    var capacity: [Int]
    var needEnterprise: [Int]
    var enterpriseCap: [Int?]
    var enterpriseRegion: [Int]
    var regionQuota: [Int?]
    var expertUnit: [Int]
    var unitQuota: [Int?]
    /// Free edges sorted by (need, expert); `edgeStart[i]..<edgeStart[i+1]` are need i's edges.
    var edgeStart: [Int]
    var edgeExpert: [Int32]
    var edgeScore: [Int32]
    /// Locked pairs (sorted) and their scores.
    var locked: [AssignmentPair]
    var lockedScore: Int
    /// Number of candidate edges per need before removing forbidden pairs and locks.
    var candidateCount: [Int]

    var needCount: Int { demand.count }
    var expertCount: Int { capacity.count }
}

extension AssignmentPreparedProblem {
    /// Validates `problem`, applies `locks` and removes forbidden and locked edges.
    init(_ problem: AssignmentProblem, locks: [AssignmentPair]) throws(AssignmentError) {
        try AssignmentProblemValidator.validate(problem)
        demand = problem.needDemand
        capacity = problem.expertCapacity
        needEnterprise = problem.needEnterprise
        enterpriseCap = problem.enterpriseCap
        enterpriseRegion = problem.enterpriseRegion
        regionQuota = problem.regionQuota
        expertUnit = problem.expertUnit
        unitQuota = problem.unitQuota
        let forbidden = Set(problem.forbidden)
        let grouped = try AssignmentEdgeGrouping(problem.edges, needCount: problem.needCount)
        candidateCount = (0..<problem.needCount).map { grouped.start[$0 + 1] - grouped.start[$0] }
        locked = locks.sorted()
        lockedScore = 0
        edgeStart = []
        edgeExpert = []
        edgeScore = []
        var lockedSet = Set<AssignmentPair>()
        for pair in locked {
            guard pair.need >= 0, pair.need < demand.count, pair.expert >= 0, pair.expert < capacity.count else {
                throw .invalidProblem("锁定的配对 \(pair) 引用了不存在的需求或专家")
            }
            if forbidden.contains(pair) { throw .infeasibleLock(pair, .forbidden) }
            if !lockedSet.insert(pair).inserted { throw .infeasibleLock(pair, .duplicate) }
            try consumeLock(pair)
            lockedScore += grouped.score(of: pair) ?? 0
        }
        guard !forbidden.isEmpty || !lockedSet.isEmpty else {
            // Nothing to remove: share the grouped arrays instead of copying them.
            edgeStart = grouped.start
            edgeExpert = grouped.expert
            edgeScore = grouped.score
            return
        }
        var start = [Int](repeating: 0, count: problem.needCount + 1)
        var experts: [Int32] = []
        var scores: [Int32] = []
        experts.reserveCapacity(grouped.expert.count)
        scores.reserveCapacity(grouped.expert.count)
        for need in 0..<problem.needCount {
            for k in grouped.start[need]..<grouped.start[need + 1] {
                let pair = AssignmentPair(need: need, expert: Int(grouped.expert[k]))
                if forbidden.contains(pair) || lockedSet.contains(pair) { continue }
                experts.append(grouped.expert[k])
                scores.append(grouped.score[k])
            }
            start[need + 1] = experts.count
        }
        edgeStart = start
        edgeExpert = experts
        edgeScore = scores
    }

    private mutating func consumeLock(_ pair: AssignmentPair) throws(AssignmentError) {
        guard demand[pair.need] > 0 else { throw .infeasibleLock(pair, .needDemand) }
        guard capacity[pair.expert] > 0 else { throw .infeasibleLock(pair, .expertCapacity) }
        if !needEnterprise.isEmpty {
            let enterprise = needEnterprise[pair.need]
            if let cap = enterpriseCap[enterprise] {
                guard cap > 0 else { throw .infeasibleLock(pair, .enterpriseCap) }
                enterpriseCap[enterprise] = cap - 1
            }
            if !enterpriseRegion.isEmpty, let quota = regionQuota[enterpriseRegion[enterprise]] {
                guard quota > 0 else { throw .infeasibleLock(pair, .regionQuota) }
                regionQuota[enterpriseRegion[enterprise]] = quota - 1
            }
        }
        if !expertUnit.isEmpty, let quota = unitQuota[expertUnit[pair.expert]] {
            guard quota > 0 else { throw .infeasibleLock(pair, .unitQuota) }
            unitQuota[expertUnit[pair.expert]] = quota - 1
        }
        demand[pair.need] -= 1
        capacity[pair.expert] -= 1
    }
}
