import Foundation

extension NeedDraft {
    /// Missing keys decode as empty or default, so `validate` can report every missing field at once.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try c.decodeIfPresent(String.self, forKey: .title) ?? "",
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
            technicalTargets: try c.decodeIfPresent(String.self, forKey: .technicalTargets) ?? "",
            tracks: try c.decodeIfPresent([IndustryTrack].self, forKey: .tracks) ?? [],
            disciplineCodes: try c.decodeIfPresent([String].self, forKey: .disciplineCodes) ?? [],
            keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
            budget: try c.decodeIfPresent(Decimal.self, forKey: .budget),
            deadline: try c.decodeIfPresent(LocalDate.self, forKey: .deadline),
            confidential: try c.decodeIfPresent(Bool.self, forKey: .confidential) ?? false,
            acceptsOutOfProvince: try c.decodeIfPresent(Bool.self, forKey: .acceptsOutOfProvince) ?? true,
            expectedOutcomes: try c.decodeIfPresent([ExpectedOutcome].self, forKey: .expectedOutcomes) ?? [],
            ipArrangement: try c.decodeIfPresent(IPArrangement.self, forKey: .ipArrangement),
            expertsNeeded: try c.decodeIfPresent(Int.self, forKey: .expertsNeeded) ?? 1,
            preferredExpertID: try c.decodeIfPresent(Int.self, forKey: .preferredExpertID)
        )
    }
}
