import Domain
import Foundation
import Hummingbird
import Storage

/// `/api/v1/assignments/{id}/outcomes`, `/api/v1/outcomes/{id}/{verify|reject}` and `/api/v1/reports/headline`.
struct OutcomeController {
    let outcomes: OutcomeStore
    let reports: ReportStore
    let today: @Sendable () -> LocalDate

    struct Rows: ResponseEncodable {
        var groupBy: String
        var items: [HeadlineRow]
        enum CodingKeys: String, CodingKey {
            case items
            case groupBy = "group_by"
        }
    }

    struct FunnelItems: ResponseEncodable {
        var items: [NeedFunnelRow]
    }

    struct GapItems: ResponseEncodable {
        var items: [TalentGapRow]
    }

    /// A CSV download Excel opens with the Chinese intact (UTF-8 with BOM).
    static func csv(_ rows: [[String]], name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(name).csv\""
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: CSVWriter.excelBytes(rows))))
    }

    static let groupLabels: [ReportStore.Grouping: String] = [
        .total: "范围", .year: "年度", .batch: "批次", .track: "产业赛道", .region: "市州", .unit: "派出单位",
    ]

    let serviceLogs: ServiceLogStore
    let assessments: AssessmentStore

    struct ServiceLogBody: Decodable {
        var servedOn: LocalDate
        var days: Double
        var work: String
        enum CodingKeys: String, CodingKey {
            case days, work
            case servedOn = "served_on"
        }
    }

    struct AssessmentBody: Decodable {
        var period: String
        var grade: AssessmentGrade
        var comments: String?
    }

    struct Created: ResponseEncodable {
        var id: Int
    }

    struct Statuses: ResponseEncodable {
        var items: [ServiceDaysStatus]
    }

    var assignmentEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post(":id/service-logs") { request, context in
            let identity = try context.requireIdentity()
            let b = try await request.decodeJSON(as: ServiceLogBody.self, context: context)
            let id = try await serviceLogs.record(
                assignment: try NeedController.id(context), servedOn: b.servedOn, days: b.days, work: b.work,
                today: today(),
                by: identity, audit: NeedController.audit(identity, context))
            return EditedResponse(status: .created, response: Created(id: id))
        }
        routes.post(":id/assessments") { request, context in
            let identity = try context.requireIdentity()
            let b = try await request.decodeJSON(as: AssessmentBody.self, context: context)
            return try await assessments.grade(
                assignment: try NeedController.id(context), period: b.period, grade: b.grade,
                comments: b.comments ?? "",
                on: today(), by: identity, audit: NeedController.audit(identity, context))
        }
        routes.get(":id/renewal") { _, context in
            RenewalResponse(
                try await assessments.renewalDecision(
                    assignment: try NeedController.id(context), by: try context.requireIdentity()))
        }
        routes.post(":id/renew") { _, context in
            let identity = try context.requireIdentity()
            let id = try await assessments.renew(
                assignment: try NeedController.id(context), by: identity, audit: NeedController.audit(identity, context)
            )
            return EditedResponse(status: .created, response: Created(id: id))
        }
        routes.post(":id/outcomes") { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(as: OutcomeReport.self, context: context)
            let o = try await outcomes.report(
                body, assignment: try NeedController.id(context), by: identity,
                audit: NeedController.audit(identity, context), today: today())
            return EditedResponse(status: .created, response: o)
        }
        return routes
    }

    var outcomeEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post(":id/:action") { request, context in
            let identity = try context.requireIdentity()
            let action = context.parameters.get("action") ?? ""
            guard action == "verify" || action == "reject" else {
                throw APIError(.notFound, code: "not_found", message: "未知的操作：\(action)")
            }
            let body = try await request.decodeJSON(as: ReasonBody.self, context: context, emptyBody: ReasonBody())
            return try await outcomes.review(
                try NeedController.id(context), verify: action == "verify", reason: body.reason, by: identity,
                audit: NeedController.audit(identity, context))
        }
        return routes
    }

    var serviceLogEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("status") { request, context in
            Statuses(
                items: try await serviceLogs.status(
                    asOf: today(), onlyBehind: request.uri.queryParameters["behind"] == "true",
                    by: try context.requireIdentity()))
        }
        return routes
    }

    var reportEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("headline") { request, context in
            let identity = try context.requireIdentity()
            let q = request.uri.queryParameters
            let groupText = q["group_by"].map(String.init) ?? "total"
            guard let grouping = ReportStore.Grouping(rawValue: groupText) else {
                throw APIError(
                    .badRequest, code: "invalid_query", message: "group_by 取值不正确",
                    fields: [
                        FieldError(
                            field: "group_by", code: "invalid",
                            message: "可选：\(ReportStore.Grouping.allCases.map(\.rawValue).joined(separator: ", "))")
                    ])
            }
            let rows = try await reports.headline(by: grouping, for: identity)
            if q["format"] == "csv" {
                var headers = HTTPFields()
                headers[.contentType] = "text/csv; charset=utf-8"
                headers[.contentDisposition] = "attachment; filename=\"headline-\(grouping.rawValue).csv\""
                let bytes = ReportStore.csv(rows, groupLabel: Self.groupLabels[grouping] ?? "分组")
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
            return try Rows(groupBy: grouping.rawValue, items: rows).response(from: request, context: context)
        }
        routes.get("needs") { request, context in
            let rows = try await reports.needFunnel(for: try context.requireIdentity())
            if request.uri.queryParameters["format"] == "csv" {
                return Self.csv(
                    [["产业赛道", "收到需求", "已推荐", "已选派", "已解决"]]
                        + rows.map {
                            [$0.track, "\($0.received)", "\($0.matched)", "\($0.dispatched)", "\($0.solved)"]
                        },
                    name: "needs")
            }
            return try FunnelItems(items: rows).response(from: request, context: context)
        }
        routes.get("talent-gap") { request, context in
            let rows = try await reports.talentGap(for: try context.requireIdentity())
            if request.uri.queryParameters["format"] == "csv" {
                return Self.csv(
                    [["学科代码", "学科", "产业赛道", "未匹配需求", "现有可选派专家"]]
                        + rows.map {
                            [
                                $0.discipline, $0.disciplineName, $0.track, "\($0.unmatchedNeeds)",
                                "\($0.availableExperts)",
                            ]
                        },
                    name: "talent-gap")
            }
            return try GapItems(items: rows).response(from: request, context: context)
        }
        return routes
    }
}

extension OutcomeView: ResponseEncodable {}
extension AssessmentView: ResponseEncodable {}

/// Whether a renewal is allowed, with the reasons when it is not.
struct RenewalResponse: ResponseEncodable {
    var allowed: Bool
    var reasons: [RenewalDecision.Reason]
    var peakServiceDays: Int

    init(_ d: RenewalDecision) {
        allowed = d.isAllowed
        reasons = d.reasons
        peakServiceDays = d.peakServiceDays
    }

    enum CodingKeys: String, CodingKey {
        case allowed, reasons
        case peakServiceDays = "peak_service_days"
    }
}
