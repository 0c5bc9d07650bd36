import Domain
import LibPQ

/// One category of the program's composition: how many dispatched commissioners (distinct people) fall in it.
public struct CompositionRow: Sendable, Equatable, Codable {
    /// `degree`, `age`, `origin` (in or out of province) or `unit_kind` (university or institute).
    public var dimension: String
    public var category: String
    public var label: String
    public var people: Int
    /// Share of the people dispatched, 0…1.
    public var share: Double
}

extension ReportStore {
    /// The dimensions in report order, with their Chinese names and the categories in display order.
    public static let compositionDimensions: [(code: String, name: String, categories: [(String, String)])] = [
        ("degree", "学历", [("phd", "博士"), ("master", "硕士"), ("bachelor", "学士"), ("other", "其他"), ("unknown", "未填")]),
        (
            "age", "年龄（首次选派时）",
            [("le35", "35岁及以下"), ("36_45", "36–45岁"), ("46_55", "46–55岁"), ("gt55", "56岁及以上"), ("unknown", "未填")]
        ),
        ("origin", "来源", [("in", "省内"), ("out", "省外")]),
        ("unit_kind", "派出单位类型", [("university", "高校"), ("institute", "科研院所"), ("rnd_institution", "新型研发机构")]),
    ]

    /// Program composition over the distinct commissioners dispatched in the caller's scope: PhD share, age bands at
    /// the first dispatch, in versus out of province (by the dispatching unit), university versus institute. Every
    /// category is listed, with zero when empty, so the rows of one dimension always add up to the people counted.
    public func composition(for identity: Identity) async throws -> [CompositionRow] {
        guard identity.role != .expert else { throw StorageError.forbidden("专家不能查看项目统计报表") }
        let rows = try await pool.query(
            """
            WITH p AS (
                SELECT DISTINCT ON (a.expert_id) a.expert_id, e.degree, u.kind, u.out_of_province,
                       extract(year FROM a.term_start)::int - e.birth_year AS age
                FROM assignment a JOIN expert e ON e.id = a.expert_id JOIN organization u ON u.id = e.unit_id
                WHERE \(unsafeRaw: identity.dispatchScope())
                ORDER BY a.expert_id, a.term_start
            )
            SELECT 'degree', coalesce(degree, 'unknown'), count(*) FROM p GROUP BY 1, 2
            UNION ALL
            SELECT 'age', CASE WHEN age IS NULL THEN 'unknown' WHEN age <= 35 THEN 'le35' WHEN age <= 45 THEN '36_45'
                               WHEN age <= 55 THEN '46_55' ELSE 'gt55' END, count(*) FROM p GROUP BY 1, 2
            UNION ALL
            SELECT 'origin', CASE WHEN out_of_province THEN 'out' ELSE 'in' END, count(*) FROM p GROUP BY 1, 2
            UNION ALL
            SELECT 'unit_kind', kind, count(*) FROM p GROUP BY 1, 2
            """)
        var counts: [String: Int] = [:]
        for r in rows {
            counts["\(try r.decode(0, as: String.self))/\(try r.decode(1, as: String.self))"] = try r.decode(2)
        }
        var result: [CompositionRow] = []
        for dimension in Self.compositionDimensions {
            let total = dimension.categories.reduce(0) { $0 + (counts["\(dimension.code)/\($1.0)"] ?? 0) }
            for (code, label) in dimension.categories {
                let n = counts["\(dimension.code)/\(code)"] ?? 0
                result.append(
                    CompositionRow(
                        dimension: dimension.code, category: code, label: label, people: n,
                        share: total == 0 ? 0 : Double(n) / Double(total)))
            }
        }
        return result
    }
}
