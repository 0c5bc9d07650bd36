/// Why an expert may not serve an enterprise (conflict of interest).
public enum ConflictKind: String, Vocabulary {
    case founder
    case equity
    case relative
    case formerEmployer = "former_employer"
    case other

    public var label: String {
        switch self {
        case .founder: "创办或参与创办"
        case .equity: "持有股权"
        case .relative: "亲属关系"
        case .formerEmployer: "曾任职单位"
        case .other: "其他利益关系"
        }
    }

    /// Founding and equity are hard exclusions by rule; the others are recorded by staff.
    public var isHardExclusion: Bool { self == .founder || self == .equity }
}
