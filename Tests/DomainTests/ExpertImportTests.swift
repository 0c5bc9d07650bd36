import Testing

@testable import Domain

let importDay = LocalDate(year: 2026, month: 11, day: 29)!

@Suite("Expert import")
struct ExpertImportTests {
    static let gbText =
        "姓名,所在单位,学历,职称,出生年份,学科代码,产业方向,手机,邮箱,是否担任管理职务\r\n"
        + "王晓明,吉林大学,博士,教授,1978,430;43020,新材料、大装备,13943012345,wxm@jlu.edu.cn,否\r\n"

    static let header = "姓名,所在单位,学历,职称,出生年份,学科代码,产业方向,手机,邮箱,是否担任管理职务,研究简介\n"

    @Test func readsAnExcelGB18030File() throws {
        let report = try ExpertImportRow.read(bytes: TextDecodingTests.gbExpertCSV, today: importDay)
        #expect(report.issues == [])
        let row = try #require(report.accepted.first)
        #expect(row.row == 2)
        #expect(row.profile.name == "王晓明")
        #expect(row.profile.degree == .phd)
        #expect(row.profile.titleLevel == .senior)
        #expect(row.profile.titleName == "教授")
        #expect(row.profile.disciplineCodes == ["430", "43020"])
        #expect(row.profile.tracks == [.newMaterials, .equipment])
        #expect(row.profile.holdsManagementPost == false)
        #expect(row.profile.meetsQualificationBar)
    }

    @Test func readsUTF8WithBOMAndEnglishHeaders() throws {
        let text =
            "name,unit_name,degree,title_level,birth_year,discipline_codes,tracks,mobile,email,holds_management_post,keywords\r\n"
            + "Li Hua,长春理工大学,master,副高,1985.0,510,optoelectronics,+86 139 4301 2346,LH@cust.edu.cn,是,\"激光；光纤, 传感\"\r\n"
        let report = try ExpertImportRow.read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), today: importDay)
        #expect(report.issues == [])
        let profile = try #require(report.accepted.first?.profile)
        #expect(profile.birthYear == 1985)
        #expect(profile.mobile == "13943012346")
        #expect(profile.email == "lh@cust.edu.cn")
        #expect(profile.keywords == ["激光", "光纤", "传感"])
        #expect(profile.holdsManagementPost)
        #expect(profile.titleName == nil)
    }

    @Test func reportsEveryBadRowByRowAndField() throws {
        let text =
            Self.header
            + "张三,吉林大学,博士,正高,1980,430,新材料,13943012345,zs@jlu.edu.cn,否,\"第一行\n第二行\"\n"
            + ",吉林大学,小学,正高,abc,43,火星,12345,bad,也许,\n"
            + "李四,东北师范大学,硕士,中级,1940,4302010,大数据,13943012347,ls@nenu.edu.cn,否,\n"
        let report = ExpertImportRow.map(try CSVTable(parsing: text), today: importDay)
        #expect(report.rowCount == 3)
        #expect(report.accepted.map(\.row) == [2])
        #expect(report.rejectedRows == [3, 4])
        let row3 = report.issues.filter { $0.row == 3 }
        #expect(
            Set(row3.map(\.field)) == [
                "name", "degree", "birth_year", "discipline_codes", "tracks", "mobile", "email",
                "holds_management_post",
            ])
        #expect(row3.filter { $0.field == "birth_year" }.map(\.code) == ["not_a_number"])
        #expect(row3.allSatisfy { $0.line == 4 })
        let row4 = report.issues.filter { $0.row == 4 }
        #expect(row4.map(\.field) == ["birth_year"])
        #expect(row4.first?.code == "out_of_range")
    }

    @Test func detectsDuplicatePeople() throws {
        let text =
            Self.header
            + "张三,吉林大学,博士,正高,1980,430,新材料,13943012345,zs@jlu.edu.cn,否,\n"
            + "张三,吉林大学,博士,正高,1980,430,新材料,13943012399,ZS@jlu.edu.cn,否,\n"
            + "张三,吉林大学,博士,正高,1980,430,新材料,+86 139 4301 2345,other@jlu.edu.cn,否,\n"
            + "张三,东北师范大学,博士,正高,1980,430,新材料,13943012345,zs@jlu.edu.cn,否,\n"
            + "张三,吉林大学,博士,正高,1980,430,新材料,13943012388,zs3@jlu.edu.cn,否,\n"
        let report = ExpertImportRow.map(try CSVTable(parsing: text), today: importDay)
        let duplicates = report.issues.filter { $0.code == "duplicate" }
        #expect(duplicates.map(\.row) == [3, 4])
        #expect(duplicates.allSatisfy { $0.message.contains("第2行") })
        #expect(report.accepted.map(\.row) == [2, 5, 6])
    }

    @Test func missingRequiredColumnStopsBeforeRows() throws {
        let report = ExpertImportRow.map(try CSVTable(parsing: "姓名,所在单位\n张三,吉林大学\n"), today: importDay)
        #expect(report.accepted.isEmpty)
        #expect(report.issues.allSatisfy { $0.row == 1 && $0.code == "missing_column" })
        #expect(report.issues.contains { $0.message.contains("学历") })
    }

    @Test func unknownColumnIsReportedButRowsStillRead() throws {
        let text =
            "姓名*,所在单位（必填）,学历,职称,出生年份,学科代码,产业方向,手机号码,电子邮箱,是否担任管理职务,爱好\n"
            + "张三,吉林大学,博士,正高,1980,430,新材料,13943012345,zs@jlu.edu.cn,否,围棋\n"
        let report = ExpertImportRow.map(try CSVTable(parsing: text), today: importDay)
        #expect(report.issues.map(\.code) == ["unknown_column"])
        #expect(report.accepted.count == 1)
    }

    @Test func blankRowsAreSkippedAndExtraCellsFlagged() throws {
        let text = Self.header + ",,,,,,,,,,\n" + "张三,吉林大学,博士,正高,1980,430,新材料,13943012345,zs@jlu.edu.cn,否,,多出来\n"
        let report = ExpertImportRow.map(try CSVTable(parsing: text), today: importDay)
        #expect(report.rowCount == 1)
        #expect(report.issues.map(\.code) == ["extra_cells"])
        #expect(report.issues.first?.row == 3)
    }
}
