import Foundation
import Hummingbird
import Storage

/// The JSON bodies of the reports (snake_case, as documented in the OpenAPI document).
struct HeadlineJSON: ResponseEncodable {
    var groupBy: String
    var items: [HeadlineRow]
    enum CodingKeys: String, CodingKey {
        case items
        case groupBy = "group_by"
    }
}

struct ItemsJSON<Item: Encodable & Sendable>: ResponseEncodable {
    var items: [Item]
}

extension ReportCatalog {
    static func headline(_ rows: [HeadlineRow], grouping: ReportStore.Grouping) -> Output {
        let charts: [BarChart]
        if grouping == .total, let r = rows.first {
            charts = [
                BarChart.counts(
                    "主要指标（仅计已核实成效）",
                    [
                        ("选派科创专员（人）", r.commissioners), ("创新项目", r.projects), ("科技成果转化", r.achievementTransfers),
                        ("企业技术标准", r.standards), ("新产品", r.newProducts), ("校企联合创新平台", r.platforms),
                        ("培养企业科技骨干（人）", r.staffTrained), ("技术合同", r.contracts), ("专利", r.patents),
                    ], unit: "")
            ]
        } else {
            charts = [
                BarChart.counts("选派科创专员（人）", rows.map { ($0.group, $0.commissioners) }, unit: "人"),
                BarChart.counts(
                    "已核实成效（项目、成果转化、标准、新产品、平台、合同、专利）",
                    rows.map {
                        (
                            $0.group,
                            $0.projects + $0.achievementTransfers + $0.standards + $0.newProducts + $0.platforms
                                + $0.contracts + $0.patents
                        )
                    }, unit: "项"),
                BarChart(
                    title: "技术合同金额（万元）",
                    bars: rows.map {
                        .init(
                            label: $0.group, value: $0.contractValue,
                            text: String(format: "%.1f 万元", $0.contractValue / 10_000))
                    }),
            ]
        }
        let label = groupLabels[grouping] ?? "分组"
        return Output(
            title: "主要指标（按\(label)）", fileName: "headline-\(grouping.rawValue)",
            table: ReportStore.table(rows, groupLabel: label), charts: charts,
            json: { request, context in
                try HeadlineJSON(groupBy: grouping.rawValue, items: rows).response(from: request, context: context)
            })
    }

    static func composition(_ rows: [CompositionRow]) -> Output {
        let names = Dictionary(uniqueKeysWithValues: ReportStore.compositionDimensions.map { ($0.code, $0.name) })
        let charts = ReportStore.compositionDimensions.map { d in
            BarChart(
                title: d.name,
                bars: rows.filter { $0.dimension == d.code }.map {
                    .init(label: $0.label, value: Double($0.people), text: "\($0.people) 人（\(percent($0.share))）")
                })
        }
        return Output(
            title: "专员队伍结构（选派人数，续派只计一次）", fileName: "composition",
            table: [["维度", "类别", "人数", "占比"]]
                + rows.map { [names[$0.dimension] ?? $0.dimension, $0.label, "\($0.people)", percent($0.share)] },
            charts: charts,
            json: { request, context in try ItemsJSON(items: rows).response(from: request, context: context) })
    }

    static func needs(_ rows: [NeedFunnelRow]) -> Output {
        func total(_ k: KeyPath<NeedFunnelRow, Int>) -> Int { rows.reduce(0) { $0 + $1[keyPath: k] } }
        return Output(
            title: "需求征集、推荐、选派与解决", fileName: "needs",
            table: [["产业赛道", "收到需求", "已推荐", "已选派", "已解决"]]
                + rows.map { [$0.track, "\($0.received)", "\($0.matched)", "\($0.dispatched)", "\($0.solved)"] },
            charts: [
                BarChart.counts(
                    "全部需求",
                    [
                        ("收到需求", total(\.received)), ("已推荐", total(\.matched)), ("已选派", total(\.dispatched)),
                        ("已解决", total(\.solved)),
                    ], unit: "项"),
                BarChart.counts("收到需求（按产业赛道）", rows.map { ($0.track, $0.received) }, unit: "项"),
            ],
            json: { request, context in try ItemsJSON(items: rows).response(from: request, context: context) })
    }

    static func talentGap(_ rows: [TalentGapRow]) -> Output {
        var byDiscipline: [String: Int] = [:]
        for r in rows { byDiscipline["\(r.disciplineName)（\(r.discipline)）", default: 0] += r.unmatchedNeeds }
        let top = byDiscipline.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(15)
        return Output(
            title: "人才缺口：未能匹配的需求（引才清单）", fileName: "talent-gap",
            table: [["学科代码", "学科", "产业赛道", "未匹配需求", "现有可选派专家"]]
                + rows.map {
                    [$0.discipline, $0.disciplineName, $0.track, "\($0.unmatchedNeeds)", "\($0.availableExperts)"]
                },
            charts: [BarChart.counts("未匹配需求最多的学科（前15）", top.map { ($0.key, $0.value) }, unit: "项")],
            json: { request, context in try ItemsJSON(items: rows).response(from: request, context: context) })
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
