import Domain
import Foundation
import LibPQ
import Storage

/// A past year of the program on top of the demo data, so reports and dashboards have something to show after
/// `make run`: direct dispatches (discipline-matched, within capacities, caps and conflicts), monthly service logs,
/// outcomes with a small PDF as evidence (mostly verified, some awaiting verification, a few rejected) and last
/// year's assessments. Deterministic: the same database gives the same history.
struct DemoHistory {
    let today: LocalDate
    /// How many dispatches to make at most.
    var dispatches = 60

    struct Counts: Sendable {
        var assignments = 0
        var serviceLogs = 0
        var outcomes = 0
    }

    /// A minimal, valid one-page PDF (the evidence check reads the magic number).
    static let evidencePDF = Array(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .utf8)

    func load(_ c: PGConnection) throws -> Counts {
        try c.setAudit(.system)
        let pairs = try choosePairs(c)
        var counts = Counts()
        let digest = OutcomeStore.sha256Hex(Self.evidencePDF)
        for (k, pair) in pairs.enumerated() {
            // Starts spread over the last 16 months; terms are two years (the stored end is exclusive).
            let start = today.adding(days: -(120 + (k * 37) % 360))
            let end = start.adding(years: 2)
            let id = try c.query(
                """
                INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end, agreement_ref,
                                        agreement_signed_on)
                VALUES (\(pair.need), \(pair.expert), \(pair.enterprise), \(PGDate(start.description)),
                        \(PGDate(end.description)), \("吉科专协〔\(start.year)〕\(100 + k)号"), \(PGDate(start.description)))
                RETURNING id
                """
            ).scalar(Int.self)
            counts.assignments += 1
            try c.execute("UPDATE need SET status = 'dispatched' WHERE id = \(pair.need)")
            try c.execute(
                """
                UPDATE expert SET status = 'dispatched' WHERE id = \(pair.expert)
                  AND capacity <= (SELECT count(*) FROM assignment WHERE expert_id = \(pair.expert) AND status = 'active')
                """)
            counts.serviceLogs += try serviceLogs(c, assignment: id, from: start, slow: k % 7 == 3)
            counts.outcomes += try outcomes(c, assignment: id, from: start, k: k, digest: digest)
            if start.year < today.year {
                let grade = ["excellent", "good", "good", "pass"][k % 4]
                try c.execute(
                    """
                    INSERT INTO assessment (assignment_id, period, grade, comments, assessed_on)
                    VALUES (\(id), \(String(start.year)), \(grade), '年度考核', \(PGDate("\(today.year)-01-20")))
                    """)
            }
        }
        return counts
    }

    struct Pair {
        var need: Int
        var expert: Int
        var enterprise: Int
    }

    /// Open needs (the demo enterprise account's first) paired with available experts (the demo expert account's
    /// first) of the same first-level discipline, skipping declared conflicts and keeping to each expert's capacity and the enterprise cap.
    func choosePairs(_ c: PGConnection) throws -> [Pair] {
        let needs = try c.query(
            """
            SELECT n.id, n.enterprise_id, coalesce(left(n.disciplines[1], 3), '')
            FROM need n LEFT JOIN account acc ON acc.organization_id = n.enterprise_id AND acc.username = 'enterprise'
            WHERE n.status = 'open' ORDER BY acc.id IS NULL, n.id
            """
        ).map { (try $0.decode(0, as: Int.self), try $0.decode(1, as: Int.self), try $0.decode(2, as: String.self)) }
        var experts = try c.query(
            """
            SELECT e.id, e.unit_id, e.capacity, array_to_string(ARRAY(SELECT DISTINCT left(d, 3) FROM unnest(e.disciplines) d), ',')
            FROM expert e LEFT JOIN account acc ON acc.expert_id = e.id
            WHERE e.status = 'available' ORDER BY acc.id IS NULL, e.id
            """
        ).map {
            (
                id: try $0.decode(0, as: Int.self), unit: try $0.decode(1, as: Int.self),
                left: try $0.decode(2, as: Int.self),
                disciplines: Set(try $0.decode(3, as: String.self).split(separator: ",").map(String.init))
            )
        }
        let conflicts = Set(
            try c.query(
                """
                SELECT coalesce(k.expert_id, e.id), k.enterprise_id FROM conflict k
                LEFT JOIN expert e ON k.expert_id IS NULL AND e.unit_id = k.unit_id
                """
            ).map { "\(try $0.decode(0, as: Int.self))/\(try $0.decode(1, as: Int.self))" })
        let cap =
            try c.query("SELECT value::int FROM program_setting WHERE key = 'max_experts_per_enterprise'")
            .first.map { try $0.decode(0, as: Int.self) } ?? 3
        var perEnterprise: [Int: Int] = [:]
        var pairs: [Pair] = []
        for (need, enterprise, discipline) in needs where pairs.count < dispatches {
            guard !discipline.isEmpty, perEnterprise[enterprise, default: 0] < cap else { continue }
            guard
                let i = experts.firstIndex(where: {
                    $0.left > 0 && $0.disciplines.contains(discipline) && !conflicts.contains("\($0.id)/\(enterprise)")
                })
            else { continue }
            experts[i].left -= 1
            perEnterprise[enterprise, default: 0] += 1
            pairs.append(Pair(need: need, expert: experts[i].id, enterprise: enterprise))
        }
        return pairs
    }

    /// Monthly visits from the start until today; `slow` commissioners log too little and fall behind.
    func serviceLogs(_ c: PGConnection, assignment: Int, from start: LocalDate, slow: Bool) throws -> Int {
        var day = start.adding(days: 3)
        var n = 0
        while day < today {
            let days = slow ? 2 : 8 + (day.dayNumber % 3)
            try c.execute(
                """
                INSERT INTO service_log (assignment_id, served_on, days, work)
                VALUES (\(assignment), \(PGDate(day.description)), \(days), \(Self.work[(day.dayNumber + assignment) % Self.work.count]))
                """)
            n += 1
            day = day.adding(days: 30)
        }
        return n
    }

    static let work = [
        "驻企调研生产线，梳理关键工艺难点", "与企业技术团队联合攻关，完成试验方案", "指导中试并分析测试数据", "为企业技术骨干开展专题培训",
        "协助企业申报科技项目", "对接高校实验室资源，开展联合测试",
    ]

    /// Up to four outcomes per dispatch, kinds in turn; most verified, some awaiting verification, a few rejected.
    func outcomes(_ c: PGConnection, assignment: Int, from start: LocalDate, k: Int, digest: String) throws -> Int {
        let kinds: [OutcomeKind] = [
            .project, .achievementTransfer, .newProduct, .staffTrained, .standard, .contract, .platform, .patent,
        ]
        let count = k % 5
        for j in 0..<count {
            let kind = kinds[(k + j * 3) % kinds.count]
            let status = (k + j) % 9 == 0 ? "rejected" : ((k + j) % 4 == 0 ? "reported" : "verified")
            let on = min(start.adding(days: 60 + 45 * j), today)
            let isContract = kind == .contract
            let id = try c.query(
                """
                INSERT INTO outcome (assignment_id, kind, title, achieved_on, trained_count, contract_type, contract_value,
                    amount_received, registry_number, status, status_reason, verified_at)
                VALUES (\(assignment), \(kind.code), \("\(kind.label)（第\(assignment)号选派）"), \(PGDate(on.description)),
                    \(kind == .staffTrained ? 3 + k % 6 : nil as Int?), \(isContract ? "development" : nil as String?),
                    \(isContract ? Decimal(200_000 + 10_000 * k) : nil as Decimal?),
                    \(isContract ? Decimal(100_000 + 5_000 * k) : nil as Decimal?),
                    \(isContract ? "2200\(today.year)\(String(format: "%06d", assignment))" : nil as String?), \(status),
                    \(status == "rejected" ? "佐证材料与成效内容不符" : nil as String?),
                    CASE WHEN \(status) = 'reported' THEN NULL ELSE now() END)
                RETURNING id
                """
            ).scalar(Int.self)
            try c.execute(
                """
                INSERT INTO outcome_evidence (outcome_id, filename, content_type, size_bytes, sha256, content)
                VALUES (\(id), 'evidence.pdf', 'application/pdf', \(Self.evidencePDF.count), \(digest),
                        \(PGBytes(Self.evidencePDF)))
                """)
        }
        return count
    }
}
