/// One accepted row of a need import file: the enterprise it belongs to and the validated need.
public struct NeedImportRow: Sendable, Equatable {
    public var row: Int
    public var enterpriseName: String
    /// The enterprise's USCC when the file gives one; storage matches enterprises by it first.
    public var enterpriseUSCC: USCC?
    public var draft: NeedDraft

    public init(row: Int, enterpriseName: String, enterpriseUSCC: USCC?, draft: NeedDraft) {
        self.row = row
        self.enterpriseName = enterpriseName
        self.enterpriseUSCC = enterpriseUSCC
        self.draft = draft
    }

    /// Decodes, parses and maps an uploaded file.
    public static func read(bytes: [UInt8], today: LocalDate) throws(CSVError) -> ImportReport<NeedImportRow> {
        map(try CSVTable(bytes: bytes), today: today)
    }

    /// Validates every row of a parsed table, and flags rows that repeat an earlier need of the same enterprise.
    public static func map(_ table: CSVTable, today: LocalDate) -> ImportReport<NeedImportRow> {
        let header = ImportHeader(table.header, kind: .needs)
        var issues = header.issues
        let records = table.records.filter { !$0.isBlank }
        guard header.isUsable else {
            return ImportReport(kind: .needs, rowCount: records.count, accepted: [], issues: issues)
        }
        var accepted: [NeedImportRow] = []
        var seen = DuplicateIndex()
        for record in records {
            var cells = CellReader(record: record, header: header)
            cells.checkExtraCells(columnCount: table.header.count)
            let enterpriseName = cells.text("enterprise_name")
            if enterpriseName.isEmpty { cells.errors.add("enterprise_name", "required", "请填写企业名称") }
            let uscc = cells.optionalText("enterprise_uscc").flatMap { text in
                cells.errors.collect { () throws(ValidationError) in
                    try USCC(validating: text, field: "enterprise_uscc")
                }
            }
            let draft = draft(from: &cells)
            var rowIssues = cells.issues(adding: draft.validate(today: today))
            let normalized = (try? draft.validated(today: today)) ?? draft
            let title = TextNormalization.compact(normalized.title).lowercased()
            var keys = ["name|\(TextNormalization.compact(enterpriseName).lowercased())|\(title)"]
            if let uscc { keys.append("uscc|\(uscc.value)|\(title)") }
            if let first = seen.firstRow(for: title.isEmpty ? [] : keys, row: record.row) {
                rowIssues.append(
                    ImportIssue(
                        row: record.row, line: record.line, field: "title", code: "duplicate",
                        message: "与第\(first)行重复（同一企业的同名需求）"))
            }
            issues += rowIssues
            if rowIssues.isEmpty {
                accepted.append(
                    NeedImportRow(
                        row: record.row, enterpriseName: enterpriseName, enterpriseUSCC: uscc, draft: normalized))
            }
        }
        return ImportReport(kind: .needs, rowCount: records.count, accepted: accepted, issues: issues)
    }

    static func draft(from cells: inout CellReader) -> NeedDraft {
        let budgetText = cells.text("budget")
        let budget = budgetText.isEmpty ? nil : NeedDraft.parseBudget(budgetText)
        if !budgetText.isEmpty, budget == nil {
            cells.errors.add("budget", "not_a_number", "预算应为金额数字（元），如50000或5万，现为“\(budgetText)”")
        }
        return NeedDraft(
            title: cells.text("title"),
            description: cells.text("description"),
            technicalTargets: cells.text("technical_targets"),
            tracks: cells.choices("tracks", label: "产业方向", as: IndustryTrack.self),
            disciplineCodes: cells.list("discipline_codes"),
            keywords: cells.list("keywords"),
            budget: budget,
            deadline: cells.date("deadline", label: "截止日期"),
            confidential: cells.bool("confidential", label: "是否保密", default: false) ?? false,
            acceptsOutOfProvince: cells.bool("accepts_out_of_province", label: "是否接受域外专家", default: true) ?? true,
            expectedOutcomes: cells.choices("expected_outcomes", label: "期望成果", as: ExpectedOutcome.self),
            ipArrangement: cells.choice("ip_arrangement", label: "知识产权约定", as: IPArrangement.self),
            expertsNeeded: cells.int("experts_needed", label: "需要专家人数") ?? 1
        )
    }
}
