import Domain
import Foundation
import Hummingbird
import Storage

/// The report pages: tables with server-drawn SVG charts, each also as Excel CSV (`?format=csv`) and JSON
/// (`?format=json`), the same figures the API gives. Units and enterprises see their own scope.
struct ReportPages {
    let catalog: ReportCatalog
    let renderer: PageRenderer

    static let descriptions: [ReportCatalog.Name: String] = [
        .headline: "选派人数与七项主要成效、技术合同和专利，可按年度、批次、赛道、市州、派出单位分组；仅计已核实成效，续派专员只计一次。",
        .composition: "选派专员的博士占比、年龄结构、省内外来源、高校与科研院所构成。",
        .needs: "企业需求的征集、推荐、选派与解决情况（按产业赛道）。",
        .talentGap: "征集中但从未被推荐的需求（按学科和赛道），作为省外引才清单。",
    ]

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/reports") { request, context in
            let identity = try context.requireIdentity()
            guard identity.role != .expert else { throw StorageError.forbidden("专家不能查看项目统计报表") }
            let names = ReportCatalog.Name.allCases.filter { !$0.staffOnly || identity.isProgramStaff }
            return try renderer.page(
                "reports/index", title: "统计报表", request: request, context: context,
                data: [
                    "reports": names.map {
                        ["name": $0.rawValue, "title": $0.title, "description": Self.descriptions[$0] ?? ""]
                            as [String: Any]
                    }
                ])
        }
        routes.get("/reports/:name") { request, context in
            let identity = try context.requireIdentity()
            guard let name = ReportCatalog.Name(rawValue: context.parameters.get("name") ?? "") else {
                throw APIError(.notFound, code: "not_found", message: "没有这个报表")
            }
            let q = request.uri.queryParameters
            let groupBy = q["group_by"].map(String.init)
            let output = try await catalog.build(name, groupBy: groupBy, for: identity)
            let query = name == .headline ? "group_by=\(groupBy ?? "total")&" : ""
            return try ReportCatalog.respond(
                output, format: q["format"].map(String.init), request: request, context: context
            ) {
                try renderer.page(
                    "reports/report", title: output.title, request: request, context: context,
                    data: [
                        "charts": output.charts.map(\.templateData),
                        "header": output.table.first ?? [], "rows": output.table.dropFirst().map { ["cells": $0] },
                        "empty": output.table.count <= 1,
                        "csv": "/reports/\(name.rawValue)?\(query)format=csv",
                        "json": "/reports/\(name.rawValue)?\(query)format=json",
                        "groupings": name == .headline ? Self.groupings(active: groupBy ?? "total") : [],
                        "hasGroupings": name == .headline,
                        "computedAt": PageFormat.dateTime(output.computedAt),
                    ])
            }
        }
    }

    static func groupings(active: String) -> [[String: Any]] {
        ReportStore.Grouping.allCases.map { g in
            let label = g == .total ? "合计" : "按\(ReportCatalog.groupLabels[g] ?? g.rawValue)"
            return ["href": "/reports/headline?group_by=\(g.rawValue)", "label": label, "active": g.rawValue == active]
        }
    }
}
