import Foundation
import Testing

@testable import Domain

@Suite("Need import")
struct NeedImportTests {
    static let header = "企业名称,统一社会信用代码,需求名称,问题描述,技术指标,产业方向,学科代码,关键词,预算（元）,截止日期,是否保密,是否接受域外专家,期望成果,知识产权约定\n"

    func uscc(_ serial: Int) throws -> String {
        let code = try USCC.make(divisionCode: "220101", serial: serial).value
        #expect(ReferenceUSCC.isValid(code))
        return code
    }

    @Test func readsAGoodRow() throws {
        let text =
            Self.header
            + "长春某某光电有限公司,\(try uscc(42)),高功率激光器散热,\"散热不足，\n寿命短\",结温<85℃,光电信息,4302010,激光；散热,5万,2027/3/1,是,否,新产品开发、专利,双方共有\n"
        let report = NeedImportRow.map(try CSVTable(parsing: text), today: importDay)
        #expect(report.issues == [])
        let row = try #require(report.accepted.first)
        #expect(row.enterpriseUSCC?.value == (try uscc(42)))
        #expect(row.draft.budget == Decimal(50_000))
        #expect(row.draft.deadline == LocalDate(year: 2027, month: 3, day: 1))
        #expect(row.draft.confidential && !row.draft.acceptsOutOfProvince)
        #expect(row.draft.expectedOutcomes == [.newProduct, .patent])
        #expect(row.draft.ipArrangement == .jointlyOwned)
        #expect(row.draft.description == "散热不足，\n寿命短")
        #expect(row.draft.expertsNeeded == 1)
    }

    @Test func englishHeadersAndDefaults() throws {
        let text = "enterprise_name,title,description,tracks,budget\n某企业,玉米秸秆综合利用,问题,agriculture,\"1,200,000.50\"\n"
        let report = NeedImportRow.map(try CSVTable(parsing: text), today: importDay)
        #expect(report.issues == [])
        let draft = try #require(report.accepted.first?.draft)
        #expect(draft.budget == Decimal(string: "1200000.50"))
        #expect(!draft.confidential && draft.acceptsOutOfProvince)
    }

    @Test func badRowsAreReportedFieldByField() throws {
        let text =
            Self.header
            + "某企业,91350100M000100Y44,短,,,无,12,,-5,2026-11-29,可能,,,\n"
            + ",,正常的需求名称,描述,,新材料,,,abc,2026-02-30,,,,\n"
        let report = NeedImportRow.map(try CSVTable(parsing: text), today: importDay)
        #expect(report.accepted.isEmpty)
        let row2 = Dictionary(grouping: report.issues.filter { $0.row == 2 }, by: \.field).mapValues { $0.map(\.code) }
        #expect(row2["enterprise_uscc"] == ["check_character"])
        #expect(row2["title"] == ["too_short"])
        #expect(row2["description"] == ["required"])
        #expect(row2["tracks"] == ["invalid_choice"])
        #expect(row2["discipline_codes"] == ["invalid_code"])
        #expect(row2["budget"] == ["negative"])
        #expect(row2["deadline"] == ["not_in_future"])
        #expect(row2["confidential"] == ["not_a_boolean"])
        let row3 = Dictionary(grouping: report.issues.filter { $0.row == 3 }, by: \.field).mapValues { $0.map(\.code) }
        #expect(row3 == ["enterprise_name": ["required"], "budget": ["not_a_number"], "deadline": ["not_a_date"]])
    }

    @Test func detectsSameEnterpriseAndTitle() throws {
        let code = try uscc(7)
        let text =
            Self.header
            + "甲公司,\(code),秸秆还田机械改进,描述,,大装备,,,,,,,,\n"
            + "甲公司,,秸秆还田机械改进 ,描述二,,大装备,,,,,,,,\n"
            + "甲公司（吉林）,\(code),秸秆还田机械改进,描述三,,大装备,,,,,,,,\n"
            + "乙公司,,秸秆还田机械改进,描述,,大装备,,,,,,,,\n"
            + "甲公司,\(code),另一个需求名称,描述,,大装备,,,,,,,,\n"
        let report = NeedImportRow.map(try CSVTable(parsing: text), today: importDay)
        #expect(report.issues.filter { $0.code == "duplicate" }.map(\.row) == [3, 4])
        #expect(report.accepted.map(\.row) == [2, 5, 6])
    }

    @Test func budgetParsing() {
        #expect(NeedDraft.parseBudget("50000") == Decimal(50_000))
        #expect(NeedDraft.parseBudget("¥3.5万") == Decimal(35_000))
        #expect(NeedDraft.parseBudget("８０００元") == Decimal(8_000))
        #expect(NeedDraft.parseBudget("12abc") == nil)
        #expect(NeedDraft.parseBudget("1.2.3") == nil)
        #expect(NeedDraft.parseBudget("") == nil)
    }
}

@Suite("Import templates")
struct ImportTemplateTests {
    @Test("templates are UTF-8 with BOM and read back cleanly", arguments: ImportKind.allCases)
    func template(kind: ImportKind) throws {
        let bytes = ImportTemplate.template(for: kind)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let table = try CSVTable(bytes: bytes)
        #expect(table.header == kind.columns.map(\.templateHeader))
        #expect(table.records.isEmpty)
        let header = ImportHeader(table.header, kind: kind)
        #expect(header.issues.isEmpty && header.isUsable)
        #expect(header.indexes.count == kind.columns.count)
        #expect(ImportTemplate.headerLine(for: kind).hasSuffix("\r\n"))
    }

    @Test func halfWidthAndFullWidthHeadersBothMatch() {
        let header = ImportHeader(["企业名称", "需求名称", "问题描述", "产业方向", "预算(元)"], kind: .needs)
        #expect(header.issues.isEmpty)
        #expect(header.indexes["budget"] == 4)
    }

    @Test func englishKeysAlsoMatch() {
        for kind in ImportKind.allCases {
            let header = ImportHeader(kind.columns.map(\.key), kind: kind)
            #expect(header.issues.isEmpty)
        }
    }
}
