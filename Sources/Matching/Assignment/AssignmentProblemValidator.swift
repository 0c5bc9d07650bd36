/// Checks lengths, index ranges and signs of an `AssignmentProblem` before it is encoded.
enum AssignmentProblemValidator {
    static func validate(_ problem: AssignmentProblem) throws(AssignmentError) {
        let needs = problem.needCount
        let experts = problem.expertCount
        if let bad = problem.needDemand.firstIndex(where: { $0 < 0 }) { throw .invalidProblem("需求 \(bad) 的人数为负") }
        if let bad = problem.expertCapacity.firstIndex(where: { $0 < 0 }) {
            throw .invalidProblem("专家 \(bad) 的容量为负")
        }
        for edge in problem.edges {
            guard edge.need >= 0, Int(edge.need) < needs, edge.expert >= 0, Int(edge.expert) < experts else {
                throw .invalidProblem("候选对 (需求 \(edge.need), 专家 \(edge.expert)) 超出范围")
            }
            guard edge.score >= 0, edge.score <= 1_000_000 else {
                throw .invalidProblem("候选对 (需求 \(edge.need), 专家 \(edge.expert)) 的分数应在 0…10^6 之间")
            }
        }
        try group(problem.needEnterprise, owners: needs, caps: problem.enterpriseCap, name: "企业")
        if !problem.enterpriseRegion.isEmpty && problem.needEnterprise.isEmpty {
            throw .invalidProblem("设置了地区名额但没有需求所属企业")
        }
        try group(problem.enterpriseRegion, owners: problem.enterpriseCap.count, caps: problem.regionQuota, name: "地区")
        try group(problem.expertUnit, owners: experts, caps: problem.unitQuota, name: "派出单位")
        for pair in problem.forbidden
        where pair.need < 0 || pair.need >= needs || pair.expert < 0 || pair.expert >= experts {
            throw .invalidProblem("禁止的配对 \(pair) 超出范围")
        }
    }

    private static func group(_ owner: [Int], owners: Int, caps: [Int?], name: String) throws(AssignmentError) {
        if owner.isEmpty { return }
        guard owner.count == owners else { throw .invalidProblem("\(name)归属数组长度 \(owner.count) 应为 \(owners)") }
        if let bad = owner.first(where: { $0 < 0 || $0 >= caps.count }) {
            throw .invalidProblem("\(name)编号 \(bad) 超出范围")
        }
        if caps.contains(where: { ($0 ?? 0) < 0 }) { throw .invalidProblem("\(name)上限为负") }
    }
}
