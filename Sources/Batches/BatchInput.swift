import Domain
import Foundation
import LibPQ
import Matching

/// A batch's input read from PostgreSQL in one repeatable-read snapshot: the open needs and available experts its
/// filters select, as the matcher's records, plus what capacity the current dispatches already use.
struct BatchInput: Sendable {
    struct Need: Sendable {
        var record: NeedRecord
        var id: Int
        var enterpriseID: Int
        var region: String
        var demand: Int
    }

    var needs: [Need]
    var experts: [ExpertRecord]
    var expertUnit: [Int: Int]
    /// Active assignments per expert and per enterprise (capacity already used).
    var activeByExpert: [Int: Int]
    var activeByEnterprise: [Int: Int]
    /// Locked proposals of this batch (kept on a re-run): need, expert, stored score and explanation.
    var locked: [(need: Int, expert: Int, score: Double, explanation: String)]
    /// Pairs staff rejected in this batch: never proposed again on a re-run.
    var rejected: [(need: Int, expert: Int)]

    static func load(_ c: PGConnection, batch: Int, settings s: BatchSettings) throws -> BatchInput {
        let needRows = try c.query(
            """
            SELECT n.id, n.title, n.description, n.technical_targets, n.keywords, n.tracks, n.disciplines,
                   n.accepts_out_of_province, n.enterprise_id, n.preferred_expert_id, n.experts_needed, o.region_code
            FROM need n JOIN organization o ON o.id = n.enterprise_id
            WHERE n.status = 'open'
              AND (cardinality(\(s.needTracks)::text[]) = 0 OR n.tracks && \(s.needTracks)::text[])
              AND (cardinality(\(s.needRegions)::text[]) = 0 OR o.region_code = ANY(\(s.needRegions)::text[]))
            ORDER BY n.id
            """)
        var needs: [Need] = []
        for r in needRows {
            let id = try r.decode(0, as: Int.self)
            let tracks = try r.decode(5, as: [String].self)
            let region = try r.decode(11, as: String.self)
            let preferred = try r.decode(9, as: Int?.self)
            let enterprise = try r.decode(8, as: Int.self)
            let description = [try r.decode(2, as: String.self), try r.decode(3, as: String.self)]
                .filter { !$0.isEmpty }.joined(separator: "\n")
            var record = NeedRecord(id: String(id), title: try r.decode(1))
            record.description = description
            record.keywords = try r.decode(4)
            record.track = tracks.first
            record.disciplines = try r.decode(6)
            record.region = region
            record.acceptsOutOfProvince = try r.decode(7)
            record.enterpriseID = String(enterprise)
            record.preferredExpertIDs = preferred.map { [String($0)] }
            needs.append(
                Need(record: record, id: id, enterpriseID: enterprise, region: region, demand: try r.decode(10)))
        }

        var conflicts: [Int: [String]] = [:]
        var unitConflicts: [Int: [String]] = [:]
        for r in try c.query(
            """
            SELECT expert_id, unit_id, enterprise_id FROM conflict
            WHERE valid_until IS NULL OR valid_until >= \(PGDate(s.asOf.description))
            """)
        {
            let enterprise = String(try r.decode(2, as: Int.self))
            if let e = try r.decode(0, as: Int?.self) { conflicts[e, default: []].append(enterprise) }
            if let u = try r.decode(1, as: Int?.self) { unitConflicts[u, default: []].append(enterprise) }
        }
        var cooperated: [Int: [String]] = [:]
        var unitCooperated: [Int: [String]] = [:]
        for r in try c.query("SELECT expert_id, unit_id, enterprise_id FROM cooperation") {
            let enterprise = String(try r.decode(2, as: Int.self))
            if let e = try r.decode(0, as: Int?.self) { cooperated[e, default: []].append(enterprise) }
            if let u = try r.decode(1, as: Int?.self) { unitCooperated[u, default: []].append(enterprise) }
        }

        let expertRows = try c.query(
            """
            SELECT e.id, e.name, e.unit_id, e.summary, e.keywords, e.achievements, e.disciplines, e.tracks,
                   o.region_code, o.out_of_province, e.capacity, e.degree, e.title_level, e.birth_year,
                   e.management_post, e.status, e.available_from, e.available_to, e.integrity_record_year
            FROM expert e JOIN organization o ON o.id = e.unit_id
            WHERE e.status = 'available' AND o.status = 'approved'
              AND (cardinality(\(s.expertTracks)::text[]) = 0 OR e.tracks && \(s.expertTracks)::text[])
            ORDER BY e.id
            """)
        var experts: [ExpertRecord] = []
        var expertUnit: [Int: Int] = [:]
        for r in expertRows {
            let id = try r.decode(0, as: Int.self)
            let unit = try r.decode(2, as: Int.self)
            var e = ExpertRecord(id: String(id))
            e.name = try r.decode(1)
            e.unitID = String(unit)
            e.summary = try r.decode(3)
            e.keywords = try r.decode(4)
            e.achievements = try r.decode(5)
            e.disciplines = try r.decode(6)
            e.tracks = try r.decode(7)
            e.region = try r.decode(8)
            // Whether the expert's unit is outside the province (the rule that needs must welcome such experts).
            e.outOfProvince = try r.decode(9)
            e.capacity = try r.decode(10)
            e.degree = try r.decode(11)
            e.titleLevel = try r.decode(12)
            e.birthYear = try r.decode(13)
            e.managementPost = try r.decode(14)
            e.status = try r.decode(15)
            e.unitApproved = true
            e.availableFrom = try r.decode(16, as: PGDate?.self).flatMap { Self.day($0) }
            e.availableTo = try r.decode(17, as: PGDate?.self).flatMap { Self.day($0) }
            e.integrityRecordYear = try r.decode(18)
            e.conflictEnterpriseIDs = conflicts[id]
            e.unitEquityEnterpriseIDs = unitConflicts[unit]
            e.cooperatedEnterpriseIDs = cooperated[id]
            e.unitCooperatedEnterpriseIDs = unitCooperated[unit]
            experts.append(e)
            expertUnit[id] = unit
        }

        var byExpert: [Int: Int] = [:]
        var byEnterprise: [Int: Int] = [:]
        for r in try c.query(
            "SELECT expert_id, enterprise_id, count(*) FROM assignment WHERE status = 'active' GROUP BY 1, 2")
        {
            let n = try r.decode(2, as: Int.self)
            byExpert[try r.decode(0, as: Int.self), default: 0] += n
            byEnterprise[try r.decode(1, as: Int.self), default: 0] += n
        }
        let locked = try c.query(
            "SELECT need_id, expert_id, score, explanation::text FROM proposal WHERE batch_id = \(batch) AND locked AND status <> 'rejected' ORDER BY need_id, expert_id"
        ).map { r in
            (
                need: try r.decode(0, as: Int.self), expert: try r.decode(1, as: Int.self),
                score: try r.decode(2, as: Double.self),
                explanation: try r.decode(3, as: String.self)
            )
        }
        let rejected = try c.query(
            "SELECT need_id, expert_id FROM proposal WHERE batch_id = \(batch) AND status = 'rejected'"
        ).map { (need: try $0.decode(0, as: Int.self), expert: try $0.decode(1, as: Int.self)) }
        return BatchInput(
            needs: needs, experts: experts, expertUnit: expertUnit, activeByExpert: byExpert,
            activeByEnterprise: byEnterprise, locked: locked, rejected: rejected)
    }

    static func day(_ d: PGDate) -> CalendarDay? {
        LocalDate(d.description).map { CalendarDay(year: $0.year, month: $0.month, day: $0.day) }
    }
}
