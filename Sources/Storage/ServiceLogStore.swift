import Domain
import Foundation
import LibPQ

/// One commissioner's days on site in a service year, against what is required by now.
public struct ServiceDaysStatus: Sendable, Equatable, Codable {
    public var assignmentID: Int
    public var expertID: Int
    public var expertName: String
    public var enterpriseName: String
    public var year: Int
    public var daysServed: Double
    /// Days required by `asOf`: the yearly requirement, pro rata over the part of the year the term covers so far.
    public var daysExpected: Double
    public var behind: Bool

    enum CodingKeys: String, CodingKey {
        case year, behind
        case assignmentID = "assignment_id"
        case expertID = "expert_id"
        case expertName = "expert_name"
        case enterpriseName = "enterprise_name"
        case daysServed = "days_served"
        case daysExpected = "days_expected"
    }
}

/// Service logs (visits and days on site) and the days-per-year requirement (default 90).
public struct ServiceLogStore: Sendable {
    let pool: PGPool
    public var requiredDaysPerYear: Double

    public init(pool: PGPool, requiredDaysPerYear: Double = 90) {
        self.pool = pool
        self.requiredDaysPerYear = requiredDaysPerYear
    }

    /// The commissioner records a visit (within the term, not in the future); staff may record on their behalf.
    /// Who may write is checked before the input, so an outsider learns nothing from validation messages.
    public func record(
        assignment: Int, servedOn: LocalDate, days: Double, work: String, today: LocalDate, by identity: Identity,
        audit: AuditContext
    ) async throws -> Int {
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            // The row lock serialises logs of one dispatch, so two requests cannot both pass the checks below.
            let rows = try c.query(
                "SELECT expert_id, term_start::text, term_end::text FROM assignment WHERE id = \(assignment) FOR UPDATE"
            )
            guard let row = rows.first else {
                throw StorageError.notFound(entity: "assignment", id: String(assignment))
            }
            let expert = try row.decode(0, as: Int.self)
            guard identity.isProgramStaff || (identity.role == .expert && identity.expertID == expert) else {
                throw StorageError.forbidden("只有科创专员本人或项目办可以填报服务记录")
            }
            var errors: [FieldError] = []
            if !(0.5...31).contains(days) {
                errors.append(FieldError(field: "days", code: "out_of_range", message: "天数应为0.5–31"))
            }
            if servedOn > today { errors.append(FieldError(field: "served_on", code: "future", message: "服务日期不能晚于今天")) }
            if work.trimmingCharacters(in: .whitespacesAndNewlines).count < 2 {
                errors.append(FieldError(field: "work", code: "required", message: "请填写工作内容"))
            }
            if !errors.isEmpty { throw ValidationError(errors: errors) }
            if let start = LocalDate(try row.decode(1, as: String.self)),
                let end = LocalDate(try row.decode(2, as: String.self)),
                servedOn < start || servedOn >= end
            {
                throw ValidationError(FieldError(field: "served_on", code: "outside_term", message: "服务日期不在服务期内"))
            }
            // One record per date, and no more days in a calendar month than the month has (records may be single
            // visits or a month's summary, so spans are not checked): days cannot be counted twice.
            let month = try c.query(
                """
                SELECT count(*) FILTER (WHERE served_on = \(PGDate(servedOn.description))::date),
                       coalesce(sum(days), 0)::float8
                FROM service_log
                WHERE assignment_id = \(assignment)
                  AND date_trunc('month', served_on) = date_trunc('month', \(PGDate(servedOn.description))::date)
                """)[0]
            if try month.decode(0, as: Int.self) > 0 {
                throw ValidationError(
                    FieldError(field: "served_on", code: "duplicate", message: "该日期已有服务记录，请修改日期或合并填报"))
            }
            let logged = try month.decode(1, as: Double.self)
            let daysInMonth = LocalDate.daysInMonth(year: servedOn.year, month: servedOn.month)
            if logged + days > Double(daysInMonth) {
                let shown = logged == logged.rounded() ? String(Int(logged)) : String(logged)
                throw ValidationError(
                    FieldError(
                        field: "days", code: "month_exceeded",
                        message: "本月已填报 \(shown) 天，加上本次超过当月 \(daysInMonth) 天"))
            }
            return try c.query(
                """
                INSERT INTO service_log (assignment_id, served_on, days, work, recorded_by)
                VALUES (\(assignment), \(PGDate(servedOn.description)), \(Decimal(days)), \(work), \(identity.accountID))
                RETURNING id
                """
            ).scalar(Int.self)
        }
    }

    /// Active dispatches in the calendar year of `asOf`, with days served and expected so far; `onlyBehind` keeps the
    /// ones falling behind (the warning list). The commissioner sees their own, a unit its experts', staff all.
    /// At most `limit` items (by dispatch id, after `after` when given) come back, with the total that matched from
    /// there on: the filter, the count and the limit run in SQL, so a dashboard showing 20 of 25,000 reads names for
    /// 20 only.
    public func status(
        asOf: LocalDate, onlyBehind: Bool, assignment: Int? = nil, limit: Int? = nil, after: Int? = nil,
        by identity: Identity
    ) async throws -> ServiceDaysList {
        let tenant = identity.dispatchScope()
        let yearStart = PGDate(LocalDate(year: asOf.year, month: 1, day: 1)!.description)
        let today = PGDate(asOf.description)
        // Days required by `asOf`: the yearly requirement pro rata over the days of this year the term has covered,
        // rounded down (float8 throughout, so the figure is the same IEEE value the pages format).
        // For a tenant the rows are few: MATERIALIZED sums days for those rows only (inlined, the planner pushed the
        // `behind` filter, subquery and all, into a scan of every active dispatch: 1.1 s instead of 40 ms for a unit at
        // program scale). Program-wide, inlining streams best.
        let materialized = identity.isProgramStaff ? "" : "MATERIALIZED"
        let rows = try await pool.query(
            """
            WITH s AS \(unsafeRaw: materialized) (
                SELECT a.id, a.expert_id, a.enterprise_id, e.name AS expert_name,
                       floor(\(requiredDaysPerYear)::float8
                             * ((\(today)::date - greatest(a.term_start, \(yearStart)::date)) + 1)::float8 / 365) AS expected,
                       coalesce((SELECT sum(days) FROM service_log l WHERE l.assignment_id = a.id
                                 AND l.served_on >= \(yearStart)::date AND l.served_on <= \(today)::date), 0)::float8 AS served
                FROM assignment a JOIN expert e ON e.id = a.expert_id
                WHERE a.status = 'active' AND a.term_start <= \(today)::date AND \(unsafeRaw: tenant)
                  AND (\(assignment)::int8 IS NULL OR a.id = \(assignment)::int8)
                  AND (\(after)::int8 IS NULL OR a.id > \(after)::int8)
            ),
            listed AS (
                SELECT s.*, count(*) OVER () AS total FROM s
                WHERE NOT \(onlyBehind)::bool OR s.served < s.expected
                ORDER BY s.id LIMIT \(limit)::int8
            )
            SELECT l.id, l.expert_id, l.expert_name, ent.name, l.served, l.expected, l.total
            FROM listed l JOIN organization ent ON ent.id = l.enterprise_id
            ORDER BY l.id
            """)
        let items = try rows.map { r in
            let served = try r.decode(4, as: Double.self)
            let expected = try r.decode(5, as: Double.self)
            return ServiceDaysStatus(
                assignmentID: try r.decode(0), expertID: try r.decode(1), expertName: try r.decode(2),
                enterpriseName: try r.decode(3), year: asOf.year, daysServed: served, daysExpected: expected,
                behind: served < expected)
        }
        return ServiceDaysList(items: items, total: try rows.first?.decode(6, as: Int.self) ?? 0)
    }
}

/// Some of the dispatches a service-day query matched, and how many matched in all.
public struct ServiceDaysList: Sendable, Equatable {
    public var items: [ServiceDaysStatus]
    public var total: Int
}
