/// The authenticated account behind a request, with its tenant.
public struct Identity: Sendable, Equatable {
    public enum Role: String, Sendable, Codable {
        case enterprise, unitAdmin = "unit_admin", expert, staff, admin
    }

    public var accountID: Int
    public var username: String
    public var displayName: String
    public var role: Role
    /// The enterprise or dispatching unit of `enterprise` and `unit_admin` accounts.
    public var organizationID: Int?
    /// The expert profile of `expert` accounts.
    public var expertID: Int?

    public init(
        accountID: Int, username: String, displayName: String, role: Role, organizationID: Int?, expertID: Int?
    ) {
        self.accountID = accountID
        self.username = username
        self.displayName = displayName
        self.role = role
        self.organizationID = organizationID
        self.expertID = expertID
    }

    /// Program office accounts see every tenant.
    public var isProgramStaff: Bool { role == .staff || role == .admin }
}
