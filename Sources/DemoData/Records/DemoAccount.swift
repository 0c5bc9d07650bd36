import Domain

/// A demo login: plain-text password on purpose (the service hashes it when loading).
public struct DemoAccount: Sendable, Codable, Equatable {
    public let username: String
    public let password: String
    public let role: Role
    public let displayName: String
    /// Set for the enterprise member.
    public let enterpriseId: String?
    /// Set for the unit administrator.
    public let unitId: String?
    /// Set for the expert account.
    public let expertId: String?
}
