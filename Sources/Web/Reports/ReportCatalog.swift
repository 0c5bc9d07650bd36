import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// Every program report in one place. The API's JSON and CSV and the pages' tables and charts are built from the same
/// rows, so the formats never disagree.
struct ReportCatalog: Sendable {
    let reports: ReportStore
    /// Program-wide reports are served from here while fresh.
    let cache: ReportCache

    enum Name: String, CaseIterable, Sendable {
        case headline, composition, needs
        case talentGap = "talent-gap"

        var title: String {
            switch self {
            case .headline: "主要指标"
            case .composition: "专员队伍结构"
            case .needs: "需求征集与解决"
            case .talentGap: "人才缺口"
            }
        }

        /// Only staff see the needs funnel and the talent gap; units and enterprises see their own scope of the rest.
        var staffOnly: Bool { self == .needs || self == .talentGap }
    }

    /// One report, ready for any format.
    struct Output: Sendable {
        var title: String
        var fileName: String
        /// Header first.
        var table: [[String]]
        var charts: [BarChart]
        var json: @Sendable (Request, AppRequestContext) throws -> Response
        /// When the figures were read from the database.
        var computedAt = Date()

        func csvResponse() -> Response {
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(fileName).csv\""
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: CSVWriter.excelBytes(table))))
        }
    }

    static let groupLabels: [ReportStore.Grouping: String] = [
        .total: "范围", .year: "年度", .batch: "批次", .track: "产业赛道", .region: "市州", .unit: "派出单位",
    ]

    /// Builds a report; `groupBy` is read by the headline report only. Staff and admins see the same program-wide
    /// figures, which come from the cache while fresh.
    func build(_ name: Name, groupBy: String?, for identity: Identity) async throws -> Output {
        guard identity.isProgramStaff else { return try await compute(name, groupBy: groupBy, for: identity) }
        let key = ReportCache.Key(
            name: name.rawValue, groupBy: name == .headline ? try Self.grouping(groupBy).rawValue : nil)
        return try await cache.output(for: key) { try await compute(name, groupBy: groupBy, for: identity) }
    }

    private func compute(_ name: Name, groupBy: String?, for identity: Identity) async throws -> Output {
        switch name {
        case .headline:
            let grouping = try Self.grouping(groupBy)
            return Self.headline(try await reports.headline(by: grouping, for: identity), grouping: grouping)
        case .composition: return Self.composition(try await reports.composition(for: identity))
        case .needs: return Self.needs(try await reports.needFunnel(for: identity))
        case .talentGap: return Self.talentGap(try await reports.talentGap(for: identity))
        }
    }

    static func grouping(_ text: String?) throws -> ReportStore.Grouping {
        guard let grouping = ReportStore.Grouping(rawValue: text ?? "total") else {
            throw APIError(
                .badRequest, code: "invalid_query", message: "group_by 取值不正确",
                fields: [
                    FieldError(
                        field: "group_by", code: "invalid",
                        message: "可选：\(ReportStore.Grouping.allCases.map(\.rawValue).joined(separator: ", "))")
                ])
        }
        return grouping
    }

    /// Answers a report request in the asked format: `csv`, `json`, or (`html`) whatever `page` renders.
    static func respond(
        _ output: Output, format: String?, request: Request, context: AppRequestContext,
        page: (() throws -> Response)? = nil
    ) throws -> Response {
        switch format {
        case "csv": return output.csvResponse()
        case nil where page != nil, "html" where page != nil: return try page!()
        case nil, "json": return try output.json(request, context)
        default:
            throw APIError(
                .badRequest, code: "invalid_query", message: "format 取值不正确",
                fields: [
                    FieldError(
                        field: "format", code: "invalid", message: page == nil ? "可选：json, csv" : "可选：html, json, csv")
                ])
        }
    }
}
