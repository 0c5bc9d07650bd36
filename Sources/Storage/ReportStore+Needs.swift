import Domain
import Foundation
import LibPQ

/// Needs received, matched and solved, by industry track.
public struct NeedFunnelRow: Sendable, Equatable, Codable {
    public var track: String
    /// Submitted to the program (everything but drafts and withdrawn drafts).
    public var received: Int
    /// Given at least one proposal in a batch.
    public var matched: Int
    /// With a commissioner dispatched.
    public var dispatched: Int
    public var solved: Int
}

/// Where the program lacks experts: open needs that no batch could fill, by discipline and track.
public struct TalentGapRow: Sendable, Equatable, Codable {
    public var discipline: String
    public var disciplineName: String
    public var track: String
    public var unmatchedNeeds: Int
    /// How many available experts the program has in that first-level discipline.
    public var availableExperts: Int

    enum CodingKeys: String, CodingKey {
        case discipline, track
        case disciplineName = "discipline_name"
        case unmatchedNeeds = "unmatched_needs"
        case availableExperts = "available_experts"
    }
}

extension ReportStore {
    static func requireReports(_ identity: Identity) throws {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以查看该报表") }
    }

    /// Needs received, matched (proposed in any batch), dispatched and solved, by the need's first track. Staff only.
    /// `IN (subquery)` runs as one hashed subplan (one scan of proposals and of assignments) where a correlated
    /// `EXISTS` probed an index once per need.
    public func needFunnel(for identity: Identity) async throws -> [NeedFunnelRow] {
        try Self.requireReports(identity)
        return try await pool.query(
            """
            SELECT coalesce(t.name_zh, '未分类'),
                   count(*) FILTER (WHERE n.status NOT IN ('draft', 'withdrawn')
                                      OR EXISTS (SELECT 1 FROM state_transition s WHERE s.entity = 'need'
                                                 AND s.entity_id = n.id AND s.to_status = 'submitted')),
                   count(*) FILTER (WHERE n.id IN (SELECT p.need_id FROM proposal p)),
                   count(*) FILTER (WHERE n.id IN (SELECT a.need_id FROM assignment a)),
                   count(*) FILTER (WHERE n.status = 'solved')
            FROM need n LEFT JOIN industry_track t ON t.code = n.tracks[1]
            GROUP BY 1 ORDER BY 1
            """
        ).map {
            NeedFunnelRow(
                track: try $0.decode(0), received: try $0.decode(1), matched: try $0.decode(2),
                dispatched: try $0.decode(3), solved: try $0.decode(4))
        }
    }

    /// Open needs never proposed in any batch, by first-level discipline (GB/T 13745, first 3 digits) and track, with
    /// the available experts of that discipline: a recruiting list for out-of-province talent. Staff only.
    /// The available experts are counted once per first-level discipline in one pass over the experts.
    public func talentGap(for identity: Identity) async throws -> [TalentGapRow] {
        try Self.requireReports(identity)
        return try await pool.query(
            """
            WITH gap AS (
                SELECT coalesce(left(n.disciplines[1], 3), '') AS d, coalesce(t.name_zh, '未分类') AS track, n.id
                FROM need n LEFT JOIN industry_track t ON t.code = n.tracks[1]
                WHERE n.status = 'open' AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.need_id = n.id)
            ),
            available AS (
                SELECT x.d, count(*) AS n
                FROM expert e CROSS JOIN LATERAL (SELECT DISTINCT left(x, 3) AS d FROM unnest(e.disciplines) x) x
                WHERE e.status = 'available'
                GROUP BY x.d
            )
            SELECT g.d, coalesce(dc.name_zh, '未填学科'), g.track, count(*), coalesce(min(av.n), 0)
            FROM gap g LEFT JOIN discipline dc ON dc.code = g.d LEFT JOIN available av ON av.d = g.d
            GROUP BY g.d, dc.name_zh, g.track
            ORDER BY count(*) DESC, g.d, g.track
            """
        ).map {
            TalentGapRow(
                discipline: try $0.decode(0), disciplineName: try $0.decode(1), track: try $0.decode(2),
                unmatchedNeeds: try $0.decode(3), availableExperts: try $0.decode(4))
        }
    }
}
