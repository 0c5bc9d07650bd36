/// Errors of the assignment solver and of the solver instance reader.
public enum AssignmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problem arrays are inconsistent (a wrong length, an index out of range, a negative number).
    case invalidProblem(String)
    /// The same (need, expert) edge appears twice.
    case duplicateEdge(AssignmentPair)
    /// The locked pairs cannot all hold; names the first lock that breaks a limit.
    case infeasibleLock(AssignmentPair, LockConflict)
    /// A line of an instance file could not be parsed.
    case malformedLine(file: String, line: Int, reason: String)

    /// Which limit a lock breaks.
    public enum LockConflict: String, Sendable, Equatable {
        case forbidden, duplicate, needDemand, expertCapacity, enterpriseCap, regionQuota, unitQuota
    }

    public var description: String {
        switch self {
        case .invalidProblem(let text): return "无效的匹配问题：\(text)"
        case .duplicateEdge(let pair): return "候选对 \(pair) 重复出现"
        case .infeasibleLock(let pair, let conflict): return "锁定的匹配 \(pair) 无法成立：\(conflict.chinese)"
        case .malformedLine(let file, let line, let reason): return "\(file):\(line): \(reason)"
        }
    }
}

extension AssignmentError.LockConflict {
    /// Staff-facing Chinese explanation of the conflict.
    public var chinese: String {
        switch self {
        case .forbidden: return "该配对被禁止（利益冲突或人工排除）"
        case .duplicate: return "同一配对被锁定了两次"
        case .needDemand: return "锁定人数超过了该需求所需的专家数"
        case .expertCapacity: return "该专家的剩余服务容量已用完"
        case .enterpriseCap: return "超过了该企业可接收的专家上限"
        case .regionQuota: return "超过了该地区（市州）的名额"
        case .unitQuota: return "超过了该派出单位的名额"
        }
    }
}
