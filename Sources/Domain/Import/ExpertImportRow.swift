/// One accepted row of an expert import file: a validated, normalised profile and where it came from.
public struct ExpertImportRow: Sendable, Equatable {
    public var row: Int
    public var profile: ExpertProfile

    public init(row: Int, profile: ExpertProfile) {
        self.row = row
        self.profile = profile
    }

    /// Decodes, parses and maps an uploaded file.
    public static func read(bytes: [UInt8], today: LocalDate) throws(CSVError) -> ImportReport<ExpertImportRow> {
        map(try CSVTable(bytes: bytes), today: today)
    }

    /// Validates every row of a parsed table, and flags rows that repeat an earlier person.
    public static func map(_ table: CSVTable, today: LocalDate) -> ImportReport<ExpertImportRow> {
        let header = ImportHeader(table.header, kind: .experts)
        var issues = header.issues
        let records = table.records.filter { !$0.isBlank }
        guard header.isUsable else {
            return ImportReport(kind: .experts, rowCount: records.count, accepted: [], issues: issues)
        }
        var accepted: [ExpertImportRow] = []
        var seen = DuplicateIndex()
        for record in records {
            var cells = CellReader(record: record, header: header)
            cells.checkExtraCells(columnCount: table.header.count)
            let profile = profile(from: &cells)
            var rowIssues = cells.issues(adding: profile.validate(today: today))
            let normalized = (try? profile.validated(today: today)) ?? profile
            let keys = [normalized.mobile, normalized.email].map(TextNormalization.compact).filter { !$0.isEmpty }
                .map { "\(identity(normalized))|\($0.lowercased())" }
            if let first = seen.firstRow(for: keys, row: record.row) {
                rowIssues.append(
                    ImportIssue(
                        row: record.row, line: record.line, field: "name", code: "duplicate",
                        message: "与第\(first)行重复（姓名、所在单位相同，且手机或邮箱相同）"))
            }
            issues += rowIssues
            if rowIssues.isEmpty { accepted.append(ExpertImportRow(row: record.row, profile: normalized)) }
        }
        return ImportReport(kind: .experts, rowCount: records.count, accepted: accepted, issues: issues)
    }

    static func profile(from cells: inout CellReader) -> ExpertProfile {
        let titleText = cells.text("title_level")
        let level = cells.choice("title_level", label: "职称", as: TitleLevel.self)
        // A cell holding 教授 or 高级工程师 gives both the level and the title name.
        let isLevelLabel = TitleLevel.allCases.contains { $0.label == titleText || $0.rawValue == titleText }
        return ExpertProfile(
            name: cells.text("name"),
            unitName: cells.text("unit_name"),
            degree: cells.choice("degree", label: "学历", as: Degree.self),
            titleLevel: level,
            titleName: cells.optionalText("title_name") ?? (isLevelLabel ? nil : level.map { _ in titleText }),
            birthYear: cells.int("birth_year", label: "出生年份"),
            disciplineCodes: cells.list("discipline_codes"),
            tracks: cells.choices("tracks", label: "产业方向", as: IndustryTrack.self),
            keywords: cells.list("keywords"),
            summary: cells.text("summary"),
            mobile: cells.text("mobile"),
            email: cells.text("email"),
            holdsManagementPost: cells.bool("holds_management_post", label: "是否担任管理职务", default: nil) ?? false,
            regionCode: cells.optionalText("region_code")
        )
    }

    static func identity(_ profile: ExpertProfile) -> String {
        "\(TextNormalization.compact(profile.name).lowercased())|\(TextNormalization.compact(profile.unitName).lowercased())"
    }
}
