import Domain

/// A synthetic enterprise registered in Jilin, with its stable id and generator facts.
public struct DemoEnterprise: Sendable, Codable, Equatable {
    /// `ent-0001` … `ent-0300`.
    public let id: String
    public let profile: EnterpriseProfile
    /// The 6-digit city code (also `profile.regionCode`).
    public let cityCode: String
    /// The county-level division code, which is also the USCC's division code.
    public let countyCode: String
    /// Topic codes from `TopicBank`, main business first.
    public let topicCodes: [String]
    public let employees: Int
    /// R&D staff, part of `employees`.
    public let researchers: Int
}
