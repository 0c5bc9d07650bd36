import Matching

/// Independent bookkeeping of how much of every limit a set of pairs uses (tests only).
struct AssignmentUsage {
    let problem: AssignmentProblem
    var perNeed: [Int]
    var perExpert: [Int]
    var perEnterprise: [Int]
    var perRegion: [Int]
    var perUnit: [Int]
    var pairs: Set<AssignmentPair> = []

    init(_ problem: AssignmentProblem) {
        self.problem = problem
        perNeed = Array(repeating: 0, count: problem.needCount)
        perExpert = Array(repeating: 0, count: problem.expertCount)
        perEnterprise = Array(repeating: 0, count: problem.enterpriseCap.count)
        perRegion = Array(repeating: 0, count: problem.regionQuota.count)
        perUnit = Array(repeating: 0, count: problem.unitQuota.count)
    }

    func fits(_ pair: AssignmentPair) -> Bool {
        if pairs.contains(pair) { return false }
        if perNeed[pair.need] >= problem.needDemand[pair.need] { return false }
        if perExpert[pair.expert] >= problem.expertCapacity[pair.expert] { return false }
        if !problem.needEnterprise.isEmpty {
            let e = problem.needEnterprise[pair.need]
            if let cap = problem.enterpriseCap[e], perEnterprise[e] >= cap { return false }
            if !problem.enterpriseRegion.isEmpty {
                let r = problem.enterpriseRegion[e]
                if let quota = problem.regionQuota[r], perRegion[r] >= quota { return false }
            }
        }
        if !problem.expertUnit.isEmpty {
            let u = problem.expertUnit[pair.expert]
            if let quota = problem.unitQuota[u], perUnit[u] >= quota { return false }
        }
        return true
    }

    mutating func add(_ pair: AssignmentPair) {
        pairs.insert(pair)
        perNeed[pair.need] += 1
        perExpert[pair.expert] += 1
        if !problem.needEnterprise.isEmpty {
            let e = problem.needEnterprise[pair.need]
            perEnterprise[e] += 1
            if !problem.enterpriseRegion.isEmpty { perRegion[problem.enterpriseRegion[e]] += 1 }
        }
        if !problem.expertUnit.isEmpty { perUnit[problem.expertUnit[pair.expert]] += 1 }
    }

    mutating func remove(_ pair: AssignmentPair) {
        pairs.remove(pair)
        perNeed[pair.need] -= 1
        perExpert[pair.expert] -= 1
        if !problem.needEnterprise.isEmpty {
            let e = problem.needEnterprise[pair.need]
            perEnterprise[e] -= 1
            if !problem.enterpriseRegion.isEmpty { perRegion[problem.enterpriseRegion[e]] -= 1 }
        }
        if !problem.expertUnit.isEmpty { perUnit[problem.expertUnit[pair.expert]] -= 1 }
    }
}
