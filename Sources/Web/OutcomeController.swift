import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// `/api/v1/assignments/{id}/outcomes`, `/api/v1/outcomes/{id}/{verify|reject}` and `/api/v1/reports/headline`.
struct OutcomeController {
    let outcomes: OutcomeStore
    let catalog: ReportCatalog
    let today: @Sendable () -> LocalDate

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

    /// One page of the service-day status, by dispatch id: `total` counts the matches from `after_id` on, and
    /// `next_after_id` (null on the last page) continues the list.
    struct Statuses: ResponseEncodable {
        var items: [ServiceDaysStatus]
        var total: Int
        var nextAfterID: Int?

        enum CodingKeys: String, CodingKey {
            case items, total
            case nextAfterID = "next_after_id"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(items, forKey: .items)
            try c.encode(total, forKey: .total)
            try c.encode(nextAfterID, forKey: .nextAfterID)
        }
    }

    var assignmentEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post(":id/service-logs") { request, context in
            let identity = try context.requireIdentity()
            let b = try await request.decodeJSON(as: ServiceLogBody.self, context: context)
            let id = try await serviceLogs.record(
                assignment: try context.pathID(), servedOn: b.servedOn, days: b.days, work: b.work,
                today: today(),
                by: identity, audit: context.audit(identity))
            return EditedResponse(status: .created, response: Created(id: id))
        }
        routes.post(":id/assessments") { request, context in
            let identity = try context.requireIdentity()
            let b = try await request.decodeJSON(as: AssessmentBody.self, context: context)
            return try await assessments.grade(
                assignment: try context.pathID(), period: b.period, grade: b.grade,
                comments: b.comments ?? "",
                on: today(), by: identity, audit: context.audit(identity))
        }
        routes.get(":id/renewal") { _, context in
            RenewalResponse(
                try await assessments.renewalDecision(
                    assignment: try context.pathID(), by: try context.requireIdentity()))
        }
        routes.post(":id/renew") { _, context in
            let identity = try context.requireIdentity()
            let id = try await assessments.renew(
                assignment: try context.pathID(), by: identity, audit: context.audit(identity)
            )
            return EditedResponse(status: .created, response: Created(id: id))
        }
        routes.post(":id/outcomes") { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(as: OutcomeReport.self, context: context)
            let o = try await outcomes.report(
                body, assignment: try context.pathID(), by: identity,
                audit: context.audit(identity), today: today())
            return EditedResponse(status: .created, response: o)
        }
        return routes
    }

    var outcomeEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { request, context in
            let q = request.uri.queryParameters
            let limit = try request.intQuery("limit", default: 100, range: 1...500)
            let items = try await outcomes.list(
                by: try context.requireIdentity(), status: q["status"].map(String.init),
                assignment: q["assignment_id"] == nil
                    ? nil : try request.intQuery("assignment_id", default: 0, range: 1...Int.max),
                limit: limit, before: try request.beforeID())
            return KeysetPage(items: items, limit: limit) { $0.id }
        }
        routes.get(":id/evidence") { _, context in
            try Self.download(
                try await outcomes.evidence(outcome: try context.pathID(), by: try context.requireIdentity()))
        }
        routes.post(":id/:action") { request, context in
            let identity = try context.requireIdentity()
            let action = context.parameters.get("action") ?? ""
            guard action == "verify" || action == "reject" else {
                throw APIError(.notFound, code: "not_found", message: "未知的操作：\(action)")
            }
            let body = try await request.decodeJSON(as: ReasonBody.self, context: context, emptyBody: ReasonBody())
            return try await outcomes.review(
                try context.pathID(), verify: action == "verify", reason: body.reason, by: identity,
                audit: context.audit(identity))
        }
        return routes
    }

    var serviceLogEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("status") { request, context in
            let identity = try context.requireIdentity()
            let limit = try request.intQuery("limit", default: 100, range: 1...1000)
            let after =
                request.uri.queryParameters["after_id"] == nil
                ? nil : try request.intQuery("after_id", default: 0, range: 0...Int.max)
            let page = try await serviceLogs.status(
                asOf: today(), onlyBehind: request.uri.queryParameters["behind"] == "true", limit: limit, after: after,
                by: identity)
            return Statuses(
                items: page.items, total: page.total,
                nextAfterID: page.total > page.items.count ? page.items.last?.assignmentID : nil)
        }
        return routes
    }

    /// `/api/v1/reports/{headline|composition|needs|talent-gap}`: JSON, or CSV with `format=csv`.
    var reportEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        for name in ReportCatalog.Name.allCases {
            routes.get(RouterPath(name.rawValue)) { request, context in
                let q = request.uri.queryParameters
                let output = try await catalog.build(
                    name, groupBy: q["group_by"].map(String.init), for: try context.requireIdentity())
                return try ReportCatalog.respond(
                    output, format: q["format"].map(String.init), request: request, context: context)
            }
        }
        return routes
    }
}

extension OutcomeController {
    /// The evidence file as stored, with its SHA-256 in `Digest` (RFC 3230) so a download can be checked.
    static func download(_ file: EvidenceFile) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        let ascii = file.filename.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" && $0 != "\\" }
        let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "evidence"
        headers[.contentDisposition] =
            ascii ? "attachment; filename=\"\(file.filename)\"" : "attachment; filename*=UTF-8''\(encoded)"
        headers[HTTPField.Name("Digest")!] = "sha-256=\(Data(hexSHA: file.sha256)?.base64EncodedString() ?? "")"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}

extension Data {
    /// Bytes from lowercase or uppercase hex; nil for anything else.
    init?(hexSHA hex: String) {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            guard let b = UInt8(hex[i..<j], radix: 16) else { return nil }
            bytes.append(b)
            i = j
        }
        self.init(bytes)
    }
}

extension OutcomeView: ResponseEncodable {}
extension OutcomeListItem: ResponseEncodable {}
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
