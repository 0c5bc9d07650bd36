/// Everything a match batch was run with, stored as JSON with the batch so any result can be reproduced.
public struct BatchSettings: Sendable, Codable, Equatable {
    /// Needs included: open needs whose tracks meet these (empty: all tracks) in these cities (empty: all).
    public var needTracks: [String] = []
    public var needRegions: [String] = []
    /// Experts included: available experts of these tracks (empty: all).
    public var expertTracks: [String] = []
    /// Score weights (the matcher's documented defaults when absent).
    public var weights: Weights = Weights()
    /// Eligibility: PhD or senior title required, and the age limit on `asOf`.
    public var requirePhdOrSeniorTitle = true
    public var maximumAge: Int? = 55
    public var asOf: LocalDate
    /// Term start and length; availability windows are checked against the start.
    public var termStart: LocalDate
    public var termMonths = 24
    /// Caps: enterprises per expert and experts per enterprise; optional quotas per city and per unit.
    public var maxEnterprisesPerExpert = 1
    public var maxExpertsPerEnterprise = 3
    public var regionQuotas: [String: Int] = [:]
    public var unitQuotas: [String: Int] = [:]
    public var minimumScore = 0.0
    public var fairness = false
    /// Candidates scored per need (the proposals plus alternates come from these).
    public var candidatesPerNeed = 10
    /// Alternates kept per need.
    public var alternatesPerNeed = 3

    public struct Weights: Sendable, Codable, Equatable {
        public var text = 0.40
        public var discipline = 0.20
        public var track = 0.10
        public var region = 0.05
        public var preference = 0.15
        public var cooperation = 0.10

        public init() {}
    }

    public init(asOf: LocalDate, termStart: LocalDate) {
        self.asOf = asOf
        self.termStart = termStart
    }

    enum CodingKeys: String, CodingKey {
        case weights, fairness
        case needTracks = "need_tracks"
        case needRegions = "need_regions"
        case expertTracks = "expert_tracks"
        case requirePhdOrSeniorTitle = "require_phd_or_senior_title"
        case maximumAge = "maximum_age"
        case asOf = "as_of"
        case termStart = "term_start"
        case termMonths = "term_months"
        case maxEnterprisesPerExpert = "max_enterprises_per_expert"
        case maxExpertsPerEnterprise = "max_experts_per_enterprise"
        case regionQuotas = "region_quotas"
        case unitQuotas = "unit_quotas"
        case minimumScore = "minimum_score"
        case candidatesPerNeed = "candidates_per_need"
        case alternatesPerNeed = "alternates_per_need"
    }

    /// Missing keys take the defaults above; `as_of` and `term_start` are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try c.decode(LocalDate.self, forKey: .asOf)
        termStart = try c.decodeIfPresent(LocalDate.self, forKey: .termStart) ?? asOf
        needTracks = try c.decodeIfPresent([String].self, forKey: .needTracks) ?? []
        needRegions = try c.decodeIfPresent([String].self, forKey: .needRegions) ?? []
        expertTracks = try c.decodeIfPresent([String].self, forKey: .expertTracks) ?? []
        weights = try c.decodeIfPresent(Weights.self, forKey: .weights) ?? Weights()
        requirePhdOrSeniorTitle = try c.decodeIfPresent(Bool.self, forKey: .requirePhdOrSeniorTitle) ?? true
        maximumAge = try c.decodeIfPresent(Int.self, forKey: .maximumAge) ?? 55
        termMonths = try c.decodeIfPresent(Int.self, forKey: .termMonths) ?? 24
        maxEnterprisesPerExpert = try c.decodeIfPresent(Int.self, forKey: .maxEnterprisesPerExpert) ?? 1
        maxExpertsPerEnterprise = try c.decodeIfPresent(Int.self, forKey: .maxExpertsPerEnterprise) ?? 3
        regionQuotas = try c.decodeIfPresent([String: Int].self, forKey: .regionQuotas) ?? [:]
        unitQuotas = try c.decodeIfPresent([String: Int].self, forKey: .unitQuotas) ?? [:]
        minimumScore = try c.decodeIfPresent(Double.self, forKey: .minimumScore) ?? 0
        fairness = try c.decodeIfPresent(Bool.self, forKey: .fairness) ?? false
        candidatesPerNeed = try c.decodeIfPresent(Int.self, forKey: .candidatesPerNeed) ?? 10
        alternatesPerNeed = try c.decodeIfPresent(Int.self, forKey: .alternatesPerNeed) ?? 3
    }

    /// Every field problem at once.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        func bad(_ field: String, _ message: String) {
            errors.append(FieldError(field: field, code: "invalid", message: message))
        }
        for t in needTracks + expertTracks where IndustryTrack(rawValue: t) == nil {
            bad("need_tracks", "未知的产业赛道：\(t)")
        }
        for r in needRegions where r.count != 6 { bad("need_regions", "地区应为6位行政区划代码：\(r)") }
        if let age = maximumAge, !(25...80).contains(age) { bad("maximum_age", "年龄上限应为25–80") }
        if !(6...60).contains(termMonths) { bad("term_months", "服务期应为6–60个月") }
        if termStart < asOf.adding(days: -366) { bad("term_start", "服务开始日期过早") }
        if !(1...10).contains(maxEnterprisesPerExpert) { bad("max_enterprises_per_expert", "每位专家服务企业数应为1–10") }
        if !(1...20).contains(maxExpertsPerEnterprise) { bad("max_experts_per_enterprise", "每家企业专家数应为1–20") }
        for (k, v) in regionQuotas where v < 0 || k.count != 6 { bad("region_quotas", "地区名额不正确：\(k)=\(v)") }
        for (k, v) in unitQuotas where v < 0 || Int(k) == nil { bad("unit_quotas", "单位名额不正确：\(k)=\(v)") }
        if !(0...1).contains(minimumScore) { bad("minimum_score", "最低分应在0到1之间") }
        if !(1...200).contains(candidatesPerNeed) { bad("candidates_per_need", "候选人数应为1–200") }
        if !(0...20).contains(alternatesPerNeed) { bad("alternates_per_need", "备选人数应为0–20") }
        let w = weights
        if [w.text, w.discipline, w.track, w.region, w.preference, w.cooperation].contains(where: { $0 < 0 || $0 > 1 })
        {
            bad("weights", "各项权重应在0到1之间")
        }
        return errors
    }

    /// The term's end: `termMonths` after the start.
    public var termEnd: LocalDate {
        var y = termStart.year
        var m = termStart.month + termMonths
        y += (m - 1) / 12
        m = (m - 1) % 12 + 1
        return LocalDate(year: y, month: m, day: min(termStart.day, LocalDate.daysInMonth(year: y, month: m)))!
    }
}
