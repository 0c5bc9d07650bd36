import Domain
import Foundation
import LibPQ

public struct AssessmentView: Sendable, Equatable, Codable {
    public var id: Int
    public var assignmentID: Int
    public var period: String
    public var grade: String
    public var gradeLabel: String
    public var comments: String
    public var assessedOn: String

    enum CodingKeys: String, CodingKey {
        case id, period, grade, comments
        case assignmentID = "assignment_id"
        case gradeLabel = "grade_label"
        case assessedOn = "assessed_on"
    }
}

/// Annual and final assessments (优秀 / 良好 / 合格 / 不合格), and renewal: allowed when the last grade is at least
/// 良好 and the person's service stays within 6 years in any 10. A renewal is a new assignment linked to the old one,
/// so the same person is counted once in the statistics.
public struct AssessmentStore: Sendable {
    let pool: PGPool
    public var policy: RenewalPolicy

    public init(pool: PGPool, policy: RenewalPolicy = .default) {
        self.pool = pool
        self.policy = policy
    }

    /// Staff record the grade of a year (`2026`) or the final one (`final`); re-grading a period replaces it.
    public func grade(
        assignment: Int, period: String, grade: AssessmentGrade, comments: String, on day: LocalDate,
        by identity: Identity,
        audit: AuditContext
    ) async throws -> AssessmentView {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以录入考核结果") }
        guard period == "final" || (period.count == 4 && Int(period) != nil) else {
            throw ValidationError(FieldError(field: "period", code: "invalid", message: "考核期应为年份（如 2026）或 final"))
        }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            guard try !c.query("SELECT 1 FROM assignment WHERE id = \(assignment)").isEmpty else {
                throw StorageError.notFound(entity: "assignment", id: String(assignment))
            }
            let id = try c.query(
                """
                INSERT INTO assessment (assignment_id, period, grade, comments, assessed_by, assessed_on)
                VALUES (\(assignment), \(period), \(grade.code), \(comments), \(identity.accountID), \(PGDate(day.description)))
                ON CONFLICT (assignment_id, period) DO UPDATE SET grade = EXCLUDED.grade, comments = EXCLUDED.comments,
                    assessed_by = EXCLUDED.assessed_by, assessed_on = EXCLUDED.assessed_on
                RETURNING id
                """
            ).scalar(Int.self)
            return try Self.view(c, id)
        }
    }

    /// Whether the assignment may be renewed for `years` more from its end, with the reasons when not.
    public func renewalDecision(assignment: Int, years: Int = 2, by identity: Identity) async throws -> RenewalDecision
    {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以办理续派") }
        return try await pool.withConnection { c in
            try Self.decide(c, assignment, years: years, policy: policy).decision
        }
    }

    /// Renews: the old assignment becomes `renewed`, a new active one continues it for `years`.
    public func renew(assignment: Int, years: Int = 2, by identity: Identity, audit: AuditContext) async throws -> Int {
        guard identity.isProgramStaff else { throw StorageError.forbidden("只有项目办工作人员可以办理续派") }
        return try await pool.withTransaction { c in
            try c.setAudit(audit)
            try c.execute("SELECT 1 FROM assignment WHERE id = \(assignment) FOR UPDATE")
            let (decision, term) = try Self.decide(c, assignment, years: years, policy: policy)
            guard decision.isAllowed else {
                throw StorageError.conflict(decision.reasons.map(\.message).joined(separator: "；"))
            }
            try c.execute("UPDATE assignment SET status = 'renewed' WHERE id = \(assignment) AND status = 'active'")
            return try c.query(
                """
                INSERT INTO assignment (batch_id, need_id, expert_id, enterprise_id, term_start, term_end, renews_assignment_id,
                                        created_by)
                SELECT batch_id, need_id, expert_id, enterprise_id, \(PGDate(term.start.description)),
                       \(PGDate(term.end.adding(days: 1).description)), id, \(identity.accountID)
                FROM assignment WHERE id = \(assignment)
                RETURNING id
                """
            ).scalar(Int.self)
        }
    }

    static func decide(_ c: PGConnection, _ assignment: Int, years: Int, policy: RenewalPolicy) throws
        -> (decision: RenewalDecision, term: ServicePeriod)
    {
        let rows = try c.query("SELECT expert_id, term_end::text FROM assignment WHERE id = \(assignment)")
        guard let row = rows.first, let end = LocalDate(try row.decode(1, as: String.self)) else {
            throw StorageError.notFound(entity: "assignment", id: String(assignment))
        }
        let expert = try row.decode(0, as: Int.self)
        let grade =
            try c.query(
                """
                SELECT s.grade FROM assessment s WHERE s.assignment_id = \(assignment)
                ORDER BY s.assessed_on DESC, s.id DESC LIMIT 1
                """
            ).first.map { AssessmentGrade(rawValue: try $0.decode(0, as: String.self)) } ?? nil
        let past = try c.query(
            "SELECT term_start::text, term_end::text FROM assignment WHERE expert_id = \(expert) AND status <> 'terminated'"
        ).compactMap { r -> ServicePeriod? in
            guard let s = LocalDate(try r.decode(0, as: String.self)),
                let e = LocalDate(try r.decode(1, as: String.self))
            else { return nil }
            // Stored terms end on the anniversary (exclusive); service periods are inclusive.
            return ServicePeriod(start: s, end: e.adding(days: -1))
        }
        let term = ServicePeriod.term(startingOn: end, years: years)
        return (RenewalRule.evaluate(lastGrade: grade, pastTerms: past, newTerm: term, policy: policy), term)
    }

    static func view(_ c: PGConnection, _ id: Int) throws -> AssessmentView {
        try view(
            c.query(
                "SELECT id, assignment_id, period, grade, comments, assessed_on::text FROM assessment WHERE id = \(id)")[
                    0])
    }

    static func view(_ r: PGRow) throws -> AssessmentView {
        let grade = try r.decode(3, as: String.self)
        return AssessmentView(
            id: try r.decode(0), assignmentID: try r.decode(1), period: try r.decode(2), grade: grade,
            gradeLabel: AssessmentGrade(rawValue: grade)?.label ?? grade, comments: try r.decode(4),
            assessedOn: try r.decode(5))
    }
}
