extension ExpertProfile {
    /// Missing keys decode as empty, so `validate` can report every missing field at once.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? "",
            unitName: try c.decodeIfPresent(String.self, forKey: .unitName) ?? "",
            degree: try c.decodeIfPresent(Degree.self, forKey: .degree),
            titleLevel: try c.decodeIfPresent(TitleLevel.self, forKey: .titleLevel),
            titleName: try c.decodeIfPresent(String.self, forKey: .titleName),
            birthYear: try c.decodeIfPresent(Int.self, forKey: .birthYear),
            disciplineCodes: try c.decodeIfPresent([String].self, forKey: .disciplineCodes) ?? [],
            tracks: try c.decodeIfPresent([IndustryTrack].self, forKey: .tracks) ?? [],
            keywords: try c.decodeIfPresent([String].self, forKey: .keywords) ?? [],
            summary: try c.decodeIfPresent(String.self, forKey: .summary) ?? "",
            mobile: try c.decodeIfPresent(String.self, forKey: .mobile) ?? "",
            email: try c.decodeIfPresent(String.self, forKey: .email) ?? "",
            holdsManagementPost: try c.decodeIfPresent(Bool.self, forKey: .holdsManagementPost) ?? false,
            regionCode: try c.decodeIfPresent(String.self, forKey: .regionCode)
        )
    }
}
