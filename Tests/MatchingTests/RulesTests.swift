import Testing

@testable import Matching

@Suite("Hard rules")
struct RulesTests {
    let checker = HardRuleChecker(settings: HardRuleSettings(asOf: ScoreFixtures.asOf))

    /// An expert that every rule accepts, with every rule field filled in.
    static var eligible: ExpertRecord {
        var record = ScoreFixtures.expert("X1", region: "220100")
        record.degree = "phd"
        record.titleLevel = "intermediate"
        record.birthYear = 1980
        record.managementPost = false
        record.integrityRecordYear = 2015
        record.unitApproved = true
        record.status = "available"
        record.availableFrom = CalendarDay(year: 2026, month: 1, day: 1)
        record.availableTo = CalendarDay(year: 2027, month: 12, day: 31)
        record.outOfProvince = true
        return record
    }

    static let expertCases: [(String, @Sendable (inout ExpertRecord) -> Void, ExclusionReason)] = [
        (
            "no PhD, junior title",
            {
                $0.degree = "master"; $0.titleLevel = "intermediate"
            }, .noPhdOrSeniorTitle
        ),
        ("born 1960 is 66 in 2026", { $0.birthYear = 1960 }, .overAge),
        ("management post", { $0.managementPost = true }, .managementPost),
        ("integrity record last year", { $0.integrityRecordYear = 2025 }, .integrityRecord),
        ("unit has not approved", { $0.unitApproved = false }, .unitNotApproved),
        ("dispatched elsewhere", { $0.status = "dispatched" }, .statusUnavailable),
        (
            "available only from 2027", { $0.availableFrom = CalendarDay(year: 2027, month: 1, day: 1) },
            .notYetAvailable
        ),
        (
            "available only until 2025", { $0.availableTo = CalendarDay(year: 2025, month: 12, day: 31) },
            .availabilityEnded
        ),
    ]

    @Test("The fully filled eligible expert passes every rule")
    func eligiblePasses() {
        #expect(checker.expertExclusions(Self.eligible).isEmpty)
    }

    @Test("Each eligibility rule excludes and reports its reason", arguments: 0..<8)
    func expertRule(caseIndex: Int) {
        let (_, change, reason) = Self.expertCases[caseIndex]
        var expert = Self.eligible
        change(&expert)
        #expect(checker.expertExclusions(expert) == [reason])
    }

    @Test("Senior title without a PhD is eligible; age 55 exactly is eligible")
    func boundaries() {
        var expert = Self.eligible
        expert.degree = "master"
        expert.titleLevel = "副高"
        expert.birthYear = 2026 - 55
        expert.integrityRecordYear = 2023
        #expect(checker.expertExclusions(expert).isEmpty)
    }

    @Test("Absent optional fields never exclude")
    func absentFieldsNeverExclude() {
        let bare = ExpertRecord(id: "X2")
        #expect(checker.expertExclusions(bare).isEmpty)
        var degreeOnly = ExpertRecord(id: "X3")
        degreeOnly.degree = "master"
        #expect(checker.expertExclusions(degreeOnly).isEmpty)
        let need = NeedRecord(id: "N", title: "t")
        #expect(checker.pairExclusions(need: need, expert: bare).isEmpty)
    }

    @Test("Conflicts of interest exclude the pair with their reasons")
    func conflicts() {
        var need = NeedRecord(id: "N", title: "t")
        need.enterpriseID = "ENT"
        var expert = Self.eligible
        expert.equityEnterpriseIDs = ["ENT"]
        #expect(checker.pairExclusions(need: need, expert: expert) == [.conflictEquity])
        expert.equityEnterpriseIDs = nil
        expert.unitEquityEnterpriseIDs = ["OTHER", "ENT"]
        expert.conflictEnterpriseIDs = ["ENT"]
        #expect(checker.pairExclusions(need: need, expert: expert) == [.conflictRecorded, .conflictUnitEquity])
        need.enterpriseID = "ELSE"
        #expect(checker.pairExclusions(need: need, expert: expert).isEmpty)
    }

    @Test("Province limits apply only when both regions and the limit are given")
    func provinceLimits() {
        var need = NeedRecord(id: "N", title: "t")
        need.region = "220100"
        var expert = Self.eligible
        expert.region = "440300"
        #expect(checker.pairExclusions(need: need, expert: expert).isEmpty)
        need.acceptsOutOfProvince = false
        #expect(checker.pairExclusions(need: need, expert: expert) == [.outOfProvinceNotAccepted])
        need.acceptsOutOfProvince = true
        expert.outOfProvince = false
        #expect(checker.pairExclusions(need: need, expert: expert) == [.expertStaysInProvince])
        expert.region = nil
        #expect(checker.pairExclusions(need: need, expert: expert).isEmpty)
    }

    @Test("The ranker never lists an excluded expert and reports why, including the minimum score")
    func rankerExcludes() throws {
        var old = ScoreFixtures.compositesExpert
        old.birthYear = 1950
        var conflicted = ScoreFixtures.expert("E-conflict", keywords: ["碳纤维"])
        conflicted.equityEnterpriseIDs = ["ENT"]
        let weak = ScoreFixtures.expert("E-weak", summary: "材料")
        var settings = ScoreFixtures.settings()
        settings.rules.minimumScore = 0.2
        let ranker = CandidateRanker(experts: [old, conflicted, weak], settings: settings)
        var need = NeedRecord(id: "N", title: "碳纤维复合材料")
        need.enterpriseID = "ENT"
        need.preferredExpertIDs = ["E-carbon"]
        let ranking = ranker.rank(need)
        #expect(ranking.candidates.isEmpty)
        let reasons = Dictionary(uniqueKeysWithValues: ranking.exclusions.map { ($0.expertID, $0.reasons) })
        #expect(reasons["E-carbon"] == [.overAge])
        #expect(reasons["E-conflict"]?.contains(.conflictEquity) == true)
        #expect(reasons["E-weak"] == [.belowMinimumScore])
        #expect(ranker.excludedExperts.map(\.expertID) == ["E-carbon"])
    }
}
