import Domain
import LibPQ

/// One dispatch with the names a page shows.
public struct AssignmentDetail: Sendable, Equatable {
    public var id: Int
    public var needID: Int
    public var needTitle: String
    public var expertID: Int
    public var expertName: String
    public var unitName: String
    public var enterpriseID: Int
    public var enterpriseName: String
    public var termStart: String
    /// The last day served (the stored end is exclusive).
    public var termLastDay: String
    public var status: String
    public var renewsAssignmentID: Int?
}

/// One service-log entry as listed.
public struct ServiceLogEntry: Sendable, Equatable {
    public var id: Int
    public var servedOn: String
    public var days: Double
    public var work: String
}

/// What one dispatch has recorded: its detail, service log and assessments, read within the caller's scope.
public struct DispatchRecordStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    /// The assignment, or not found when it is outside the caller's scope (so its existence is not revealed).
    public func detail(_ id: Int, by identity: Identity) async throws -> AssignmentDetail {
        let rows = try await pool.query(
            "\(unsafeRaw: Self.select) WHERE a.id = \(id) AND \(unsafeRaw: identity.dispatchScope())")
        guard let r = rows.first else { throw StorageError.notFound(entity: "assignment", id: String(id)) }
        return try Self.detail(r)
    }

    static let select = """
        SELECT a.id, a.need_id, n.title, a.expert_id, e.name, u.name, a.enterprise_id, ent.name,
               a.term_start::text, (a.term_end - 1)::text, a.status, a.renews_assignment_id
        FROM assignment a JOIN expert e ON e.id = a.expert_id JOIN organization u ON u.id = e.unit_id
        JOIN organization ent ON ent.id = a.enterprise_id JOIN need n ON n.id = a.need_id
        """

    static func detail(_ r: PGRow) throws -> AssignmentDetail {
        AssignmentDetail(
            id: try r.decode(0), needID: try r.decode(1), needTitle: try r.decode(2), expertID: try r.decode(3),
            expertName: try r.decode(4), unitName: try r.decode(5), enterpriseID: try r.decode(6),
            enterpriseName: try r.decode(7), termStart: try r.decode(8), termLastDay: try r.decode(9),
            status: try r.decode(10), renewsAssignmentID: try r.decode(11))
    }

    /// Dispatches in the caller's scope, newest first, at most `limit`, keyset-paged by `before` (an assignment id).
    public func list(by identity: Identity, limit: Int = 100, before: Int? = nil) async throws -> [AssignmentDetail] {
        try await pool.query(
            """
            \(unsafeRaw: Self.select)
            WHERE \(unsafeRaw: identity.dispatchScope()) AND (\(before)::int8 IS NULL OR a.id < \(before))
            ORDER BY a.id DESC LIMIT \(limit)
            """
        ).map(Self.detail)
    }

    /// The service log of an assignment, newest first (call `detail` first for the access check).
    public func serviceLogs(assignment: Int) async throws -> [ServiceLogEntry] {
        try await pool.query(
            """
            SELECT id, served_on::text, days::float8, work FROM service_log
            WHERE assignment_id = \(assignment) ORDER BY served_on DESC, id DESC
            """
        ).map {
            ServiceLogEntry(
                id: try $0.decode(0), servedOn: try $0.decode(1), days: try $0.decode(2), work: try $0.decode(3))
        }
    }

    /// The assessments of an assignment, by period (call `detail` first for the access check).
    public func assessments(assignment: Int) async throws -> [AssessmentView] {
        try await pool.query(
            """
            SELECT id, assignment_id, period, grade, comments, assessed_on::text FROM assessment
            WHERE assignment_id = \(assignment) ORDER BY period
            """
        ).map(AssessmentStore.view)
    }
}
