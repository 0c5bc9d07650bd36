import Domain

/// A synthetic expert (专家) with the facts the program tracks beyond `ExpertProfile`.
public struct DemoExpert: Sendable, Codable, Equatable {
    /// `exp-0001` … `exp-0800`.
    public let id: String
    /// The dispatching unit's id; `profile.unitName` holds its name.
    public let unitId: String
    public let profile: ExpertProfile
    /// The `TopicBank` topic the expert's profile was written from.
    public let topicCode: String
    /// Results available for transfer (可转化成果).
    public let achievements: [String]
    /// Titles of some granted invention patents.
    public let patents: [String]
    /// Granted invention patents in total.
    public let patentCount: Int
    /// Works at an in-province employer's out-of-province R&D centre (人才飞地); counts as in the province.
    public let talentEnclave: Bool
    /// How many enterprises the expert is willing to serve at once.
    public let capacity: Int
    public let availableFrom: LocalDate
    public let availableTo: LocalDate
    public let unitApproval: DemoApprovalStatus
    /// The year of an integrity (科研诚信) record, if any.
    public let integrityRecordYear: Int?

    /// The default eligibility rules: qualification bar, age ≤ 55, no management post, unit approval,
    /// no integrity record in the last 3 years.
    public func meetsDefaultEligibility(on date: LocalDate) -> Bool {
        guard profile.meetsQualificationBar, let age = profile.age(on: date), age <= 55 else { return false }
        if profile.holdsManagementPost || unitApproval != .approved { return false }
        if let year = integrityRecordYear, year > date.year - 3 { return false }
        return true
    }
}
