/// Weights of the score components and the values each component's levels map to (per-batch settings).
///
/// The score is `Σ weightᵢ · valueᵢ / Σ weightᵢ`, each value in [0, 1], so the score is in [0, 1] and
/// on one scale for every pair. Defaults (sum 1.0): text 0.40, discipline 0.20, track 0.10, region 0.05,
/// preference 0.15, cooperation 0.10.
public struct ScoreWeights: Sendable, Equatable {
    public var text: Double = 0.40
    public var discipline: Double = 0.20
    public var track: Double = 0.10
    public var region: Double = 0.05
    public var preference: Double = 0.15
    public var cooperation: Double = 0.10

    /// Discipline values: exact code 1.0, same second level 0.7, same first level 0.4, otherwise 0.
    public var disciplineExact: Double = 1.0
    public var disciplineSameSecondLevel: Double = 0.7
    public var disciplineSameFirstLevel: Double = 0.4

    /// Region values: same city 1.0, same province 0.6, out of province (where allowed) 0.2, unknown 0.
    public var regionSameCity: Double = 1.0
    public var regionSameProvince: Double = 0.6
    public var regionOutOfProvince: Double = 0.2

    /// Preference values: the enterprise named the expert 1.0; the expert chose the need 1.0 (max of both).
    public var preferenceNamedByEnterprise: Double = 1.0
    public var preferenceChosenByExpert: Double = 1.0

    /// Cooperation values: the expert worked with the enterprise before 1.0; only the unit did 0.5.
    public var cooperationByExpert: Double = 1.0
    public var cooperationByUnit: Double = 0.5

    /// Raw text relevance mapped to [0, 1] by one fixed transform for all pairs.
    public var textTransform = TextRelevanceTransform()

    public init() {}

    /// Sum of the six component weights (the score's denominator); never below a tiny positive value.
    public var totalWeight: Double {
        max(text + discipline + track + region + preference + cooperation, 1e-12)
    }

    func value(of level: DisciplineMatchLevel) -> Double {
        switch level {
        case .exact: disciplineExact
        case .sameSecondLevel: disciplineSameSecondLevel
        case .sameFirstLevel: disciplineSameFirstLevel
        case .none: 0
        }
    }

    func value(of level: RegionMatchLevel) -> Double {
        switch level {
        case .sameCity: regionSameCity
        case .sameProvince: regionSameProvince
        case .outOfProvince: regionOutOfProvince
        case .unknown: 0
        }
    }
}
