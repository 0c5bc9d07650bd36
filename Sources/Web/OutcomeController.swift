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

    static let groupLabels: [ReportStore.Grouping: String] = [
        .total: "范围", .year: "年度", .batch: "批次", .track: "产业赛道", .region: "市州", .unit: "派出单位",
    ]

    var assignmentEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
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
        return routes
    }
}

extension OutcomeView: ResponseEncodable {}
