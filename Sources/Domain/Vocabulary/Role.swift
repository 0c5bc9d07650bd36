/// A user's role in the system.
public enum Role: String, Vocabulary {
    case enterprise
    case unitAdmin = "unit_admin"
    case expert
    case staff
    case admin

    public var label: String {
        switch self {
        case .enterprise: "企业用户"
        case .unitAdmin: "派出单位管理员"
        case .expert: "专家"
        case .staff: "工作人员"
        case .admin: "系统管理员"
        }
    }
}
