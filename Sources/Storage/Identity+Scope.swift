/// Which dispatch rows (assignments or proposals) an identity may see, as one SQL predicate.
extension Identity {
    /// A predicate over a row aliased `row` (with `expert_id` and `enterprise_id` columns) joined to its expert
    /// aliased `expert`: staff see all, an enterprise its own, an expert their own, a unit admin its experts'.
    /// Built from integers only, so it is safe to splice into SQL.
    func dispatchScope(row: String = "a", expert: String = "e") -> String {
        switch role {
        case .staff, .admin: "TRUE"
        case .enterprise: "\(row).enterprise_id = \(organizationID ?? -1)"
        case .expert: "\(row).expert_id = \(expertID ?? -1)"
        case .unitAdmin: "\(expert).unit_id = \(organizationID ?? -1)"
        }
    }
}
