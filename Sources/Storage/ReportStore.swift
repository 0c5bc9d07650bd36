import Domain
import Foundation
import LibPQ

/// One row of the headline report: the seven program figures plus contracts and patents, for one group.
public struct HeadlineRow: Sendable, Equatable, Codable {
    public var group: String
    /// Commissioners dispatched, counted once per person (a renewed commissioner is the same person).
    public var commissioners: Int
    public var projects: Int
    public var achievementTransfers: Int
    public var standards: Int
    public var newProducts: Int
    public var platforms: Int
    public var staffTrained: Int
    public var contracts: Int
    public var contractValue: Double
    public var amountReceived: Double
    public var patents: Int

    enum CodingKeys: String, CodingKey {
        case group, commissioners, projects, standards, platforms, contracts, patents
        case achievementTransfers = "achievement_transfers"
        case newProducts = "new_products"
        case staffTrained = "staff_trained"
        case contractValue = "contract_value"
        case amountReceived = "amount_received"
    }
}

/// Program reports over verified outcomes only, restricted to the caller's tenant.
public struct ReportStore: Sendable {
    let pool: PGPool

    public init(pool: PGPool) { self.pool = pool }

    public enum Grouping: String, Sendable, CaseIterable {
        case total, year, batch, track, region, unit
    }

    /// The headline figures by `grouping`. Staff see the program; a unit admin their unit's experts; an enterprise
    /// its own dispatches. Outcomes count only once verified; commissioners are distinct people.
    public func headline(by grouping: Grouping, for identity: Identity) async throws -> [HeadlineRow] {
        guard identity.role != .expert else { throw StorageError.forbidden("专家不能查看项目统计报表") }
        let rows = try await pool.query("\(unsafeRaw: Self.headlineSQL(grouping, for: identity))")
        return try rows.map { r in
            HeadlineRow(
                group: try r.decode(0), commissioners: try r.decode(1), projects: try r.decode(2),
                achievementTransfers: try r.decode(3), standards: try r.decode(4), newProducts: try r.decode(5),
                platforms: try r.decode(6), staffTrained: try r.decode(7), contracts: try r.decode(8),
                contractValue: try r.decode(9), amountReceived: try r.decode(10), patents: try r.decode(11))
        }
    }

    /// The report as CSV that Excel opens with the Chinese intact: UTF-8 with a BOM, CRLF line ends.
    public static func csv(_ rows: [HeadlineRow], groupLabel: String) -> [UInt8] {
        CSVWriter.excelBytes(table(rows, groupLabel: groupLabel))
    }

    /// The report as a table, header first: what the CSV, the page and the charts show.
    public static func table(_ rows: [HeadlineRow], groupLabel: String) -> [[String]] {
        let header = [
            groupLabel, "选派科创专员（人）", "创新项目", "科技成果转化", "企业技术标准", "新产品", "校企联合创新平台", "培养企业科技骨干（人）",
            "技术合同（项）", "技术合同金额（元）", "到账金额（元）", "专利",
        ]
        var table = [header]
        for r in rows {
            table.append([
                r.group, String(r.commissioners), String(r.projects), String(r.achievementTransfers),
                String(r.standards),
                String(r.newProducts), String(r.platforms), String(r.staffTrained), String(r.contracts),
                String(format: "%.2f", r.contractValue), String(format: "%.2f", r.amountReceived), String(r.patents),
            ])
        }
        return table
    }
}
