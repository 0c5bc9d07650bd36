import Domain

/// A dispatching unit (派出单位) with its stable id and the facts the demo needs beyond `UnitProfile`.
///
/// Names of universities and institutes are real; their USCCs, Hong Kong and Macao registration numbers,
/// contacts and the two new-type R&D institutions are synthetic.
public struct DemoUnit: Sendable, Codable, Equatable {
    /// `unit-01` … `unit-21`.
    public let id: String
    public let profile: UnitProfile
    /// Outside Jilin (including Hong Kong and Macao).
    public let outOfProvince: Bool
    /// In the Guangdong–Hong Kong–Macao Greater Bay Area.
    public let greaterBayArea: Bool
    /// The domain used for the unit's synthetic e-mail addresses, e.g. `jlu.example.cn`.
    public let emailDomain: String
    /// The tracks the unit's experts work in, strongest first.
    public let strengths: [IndustryTrack]
}
