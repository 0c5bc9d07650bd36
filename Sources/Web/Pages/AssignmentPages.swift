import Domain
import Foundation
import Hummingbird
import Storage

/// A dispatch's own page: its service log, outcomes with evidence, assessments and renewal, each with the form of
/// whoever may write it (the commissioner logs service; the commissioner or the enterprise reports outcomes; staff
/// assess and renew).
struct AssignmentPages {
    let records: DispatchRecordStore
    let outcomes: OutcomeStore
    let serviceLogs: ServiceLogStore
    let assessments: AssessmentStore
    let renderer: PageRenderer
    let today: @Sendable () -> LocalDate

    static let statusLabels = ["active": "服务中", "completed": "已期满", "terminated": "已终止", "renewed": "已续派"]
    static let outcomeStatus = ["reported": "待核实", "verified": "已核实", "rejected": "不予认定"]

    /// A form's values and errors after a failed post, to render back next to the inputs.
    typealias Failed = (form: FormData, errors: [FieldError])

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/assignments") { request, context in
            let identity = try context.requireIdentity()
            let before = try request.beforeID()
            let items = try await records.list(by: identity, limit: 100, before: before)
            return try renderer.page(
                "dispatch/assignments", title: "选派服务", request: request, context: context,
                data: [
                    "items": items.map(Self.row), "empty": items.isEmpty,
                    "next": PageFormat.text(
                        items.count == 100 ? items.last.map { "/assignments?before_id=\($0.id)" } : nil),
                ])
        }
        routes.get("/assignments/:id") { request, context in
            try await page(request, context)
        }
        routes.post("/assignments/:id/service-logs") { request, context in
            let identity = try context.requireIdentity()
            let form = try await FormData.read(request, context)
            let id = try context.pathID()
            do {
                let b = try DispatchForms.serviceLog.decode(OutcomeController.ServiceLogBody.self, from: form)
                _ = try await serviceLogs.record(
                    assignment: id, servedOn: b.servedOn, days: b.days, work: b.work, today: today(), by: identity,
                    audit: context.audit(identity))
            } catch let e as ValidationError {
                return try await page(request, context, log: (form, e.errors))
            }
            return PageSession.redirect("/assignments/\(id)?msg=saved#service")
        }
        routes.post("/assignments/:id/outcomes") { request, context in
            let identity = try context.requireIdentity()
            let id = try context.pathID()
            // Who may report is known before the upload is read: the commissioner or the enterprise of the dispatch.
            let a = try await records.detail(id, by: identity)
            guard
                (identity.role == .expert && identity.expertID == a.expertID)
                    || (identity.role == .enterprise && identity.organizationID == a.enterpriseID)
            else { throw StorageError.forbidden("只有该科创专员或服务企业可以填报成效") }
            let form = try await MultipartForm.read(request, context)
            do {
                _ = try await outcomes.report(
                    try DispatchForms.outcomeReport(form), assignment: id, by: identity,
                    audit: context.audit(identity), today: today())
            } catch let e as ValidationError {
                return try await page(request, context, outcome: (form.fields, DispatchForms.placeEvidence(e.errors)))
            }
            return PageSession.redirect("/assignments/\(id)?msg=reported#outcomes")
        }
        routes.post("/assignments/:id/assessments") { request, context in
            let identity = try context.requireIdentity()
            let form = try await FormData.read(request, context)
            let id = try context.pathID()
            do {
                let b = try DispatchForms.assessment.decode(OutcomeController.AssessmentBody.self, from: form)
                _ = try await assessments.grade(
                    assignment: id, period: b.period, grade: b.grade, comments: b.comments ?? "", on: today(),
                    by: identity, audit: context.audit(identity))
            } catch let e as ValidationError {
                return try await page(request, context, assessment: (form, e.errors))
            }
            return PageSession.redirect("/assignments/\(id)?msg=saved#assessments")
        }
        routes.post("/assignments/:id/renew") { request, context in
            let identity = try context.requireIdentity()
            _ = try await FormData.read(request, context)
            let renewed = try await assessments.renew(
                assignment: try context.pathID(), by: identity, audit: context.audit(identity))
            return PageSession.redirect("/assignments/\(renewed)?msg=renewed")
        }
        routes.get("/outcomes/:id/evidence") { _, context in
            OutcomeController.download(
                try await outcomes.evidence(outcome: try context.pathID(), by: try context.requireIdentity()))
        }
    }

    static func row(_ a: AssignmentDetail) -> [String: Any] {
        [
            "id": a.id, "need": a.needTitle, "expert": a.expertName, "unit": a.unitName, "enterprise": a.enterpriseName,
            "term": "\(a.termStart) 至 \(a.termLastDay)", "status": statusLabels[a.status] ?? a.status,
        ]
    }

    func page(
        _ request: Request, _ context: AppRequestContext, log: Failed? = nil, outcome: Failed? = nil,
        assessment: Failed? = nil
    ) async throws -> Response {
        let identity = try context.requireIdentity()
        let a = try await records.detail(try context.pathID(), by: identity)
        let own = identity.role == .expert && identity.expertID == a.expertID
        let ownEnterprise = identity.role == .enterprise && identity.organizationID == a.enterpriseID
        let staff = identity.isProgramStaff
        let days = try await serviceLogs.status(asOf: today(), onlyBehind: false, assignment: a.id, by: identity).items
            .first
        let logs = try await records.serviceLogs(assignment: a.id)
        let items = try await outcomes.list(by: identity, assignment: a.id, limit: 500)
        let grades = try await records.assessments(assignment: a.id)
        var data: [String: Any] = [
            "a": Self.row(a), "needID": a.needID, "renews": PageFormat.text(a.renewsAssignmentID.map { String($0) }),
            "logs": logs.map {
                ["on": $0.servedOn, "days": PageFormat.days($0.days), "work": $0.work] as [String: Any]
            },
            "outcomes": items.map { OutcomePages.row($0, staff: staff, back: "/assignments/\(a.id)#outcomes") },
            "assessments": grades.map {
                [
                    "period": $0.period == "final" ? "期满考核" : "\($0.period) 年度", "grade": $0.gradeLabel,
                    "comments": $0.comments,
                ]
                    as [String: Any]
            },
            "staff": staff, "hasLogs": !logs.isEmpty, "hasOutcomes": !items.isEmpty, "hasAssessments": !grades.isEmpty,
        ]
        if let days {
            data["days"] =
                [
                    "served": PageFormat.days(days.daysServed), "expected": PageFormat.days(days.daysExpected),
                    "year": days.year, "behind": days.behind,
                    "required": PageFormat.days(serviceLogs.requiredDaysPerYear),
                ] as [String: Any]
        }
        if (own || staff) && a.status == "active" {
            data["logForm"] = Self.form(DispatchForms.serviceLog, log ?? (FormData([("days", "1")]), []))
        }
        if own || ownEnterprise {
            data["outcomeForm"] = Self.form(DispatchForms.outcome, outcome ?? (FormData(), []))
        }
        if staff {
            data["assessmentForm"] = Self.form(
                DispatchForms.assessment, assessment ?? (FormData([("period", String(today().year))]), []))
            let decision = try await assessments.renewalDecision(assignment: a.id, by: identity)
            data["renewal"] =
                [
                    "allowed": decision.isAllowed && a.status == "active",
                    "reasons": decision.reasons.map(\.message),
                ] as [String: Any]
        }
        let failed = log != nil || outcome != nil || assessment != nil
        return try renderer.page(
            "dispatch/assignment", title: "选派服务：\(a.expertName) · \(a.enterpriseName)", request: request,
            context: context, data: data, status: failed ? .unprocessableContent : .ok)
    }

    static func form(_ schema: FormSchema, _ state: Failed) -> [String: Any] {
        [
            "fields": schema.view(values: state.form, errors: state.errors),
            "formErrors": schema.unplaced(state.errors), "hasErrors": !state.errors.isEmpty,
        ]
    }
}
