import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Storage
import TestSupport
import Testing
import Web

@Suite("CSV import of experts")
struct ImportAPITests {
    static let header = "姓名*,所在单位*,学历*,职称*,职称名称,出生年份*,学科代码*,产业方向*,研究方向关键词,研究简介,手机*,邮箱*,是否担任管理职务*,所在地区代码"

    static func csv(_ rows: [String]) -> String { ([header] + rows).joined(separator: "\r\n") + "\r\n" }

    static let rows = [
        "孙碳纤,甲大学,博士,正高,教授,1978,43055,新材料,碳纤维;复合材料,\"从事碳纤维研究，主持项目多项。\",13912345670,sun@u.example.cn,否,220100",
        "周高分子,甲大学,博士,副高,副教授,1985,43050,新材料,高分子改性,研究高分子材料,13912345671,zhou@u.example.cn,否,220100",
        "吴号码,甲大学,博士,正高,研究员,1980,43055,新材料,涂层,涂层防腐,12345,wu@u.example.cn,否,220100",
        "郑外单位,乙研究所,博士,正高,研究员,1979,480,新能源,储能,储能系统,13912345673,zheng@v.example.cn,否,220100",
    ]

    static func post(
        _ client: some TestClientProtocol, mode: String, as token: String?, body: [UInt8]
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers: HTTPFields = [.contentType: "text/csv"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: "/api/v1/imports/experts?mode=\(mode)", method: .post, headers: headers, body: ByteBuffer(bytes: body)
        ) { response in
            (
                response.status,
                (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
            )
        }
    }

    static func issueRows(_ body: [String: Any]) -> [Int] {
        (body["issues"] as? [[String: Any]] ?? []).compactMap { $0["row"] as? Int }
    }

    @Test("a unit imports a GB18030 file: check reports, all refuses, valid loads the good rows with COPY")
    func unitImport() async throws {
        let (app, pool, _, tokens, _) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let gb = try #require(GB18030.encode(Self.csv(Self.rows)))
        try await app.test(.router) { client in
            let (checked, report) = try await Self.post(client, mode: "check", as: tokens["unitU"], body: gb)
            #expect(checked == .ok)
            #expect(report["row_count"] as? Int == 4)
            #expect(report["imported"] as? Int == 0)
            // Row numbers are spreadsheet rows (the header is row 1): the bad phone and the other unit's expert.
            #expect(Self.issueRows(report) == [4, 5])
            let (all, refused) = try await Self.post(client, mode: "all", as: tokens["unitU"], body: gb)
            #expect(all == .unprocessableContent)
            #expect(refused["imported"] as? Int == 0)
            #expect(try await pool.query("SELECT count(*) FROM expert").scalar(Int.self) == 0)
            let (valid, loaded) = try await Self.post(client, mode: "valid", as: tokens["unitU"], body: gb)
            #expect(valid == .created)
            #expect(loaded["imported"] as? Int == 2)
            #expect(try await Self.post(client, mode: "valid", as: tokens["entA"], body: gb).0 == .forbidden)
            // The same file again: the two loaded experts are now duplicates of rows in the database.
            let (again, second) = try await Self.post(client, mode: "valid", as: tokens["unitU"], body: gb)
            #expect(again == .ok)
            #expect(second["imported"] as? Int == 0)
            let codes = (second["issues"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes.filter { $0 == "duplicate_existing" }.count == 2)
            #expect(try await Self.post(client, mode: "everything", as: tokens["unitU"], body: gb).0 == .badRequest)
        }
        let names = try await pool.query("SELECT name FROM expert WHERE status = 'registered' ORDER BY name")
            .map { try $0.decode(0, as: String.self) }
        #expect(names.sorted() == ["周高分子", "孙碳纤"].sorted())
        let stored = try await pool.query("SELECT tracks, disciplines FROM expert WHERE name = '孙碳纤'")[0]
        #expect(try stored.decode(0, as: [String].self) == ["new_materials"])
        #expect(try stored.decode(1, as: [String].self) == ["43055"])
        #expect(try await pool.query("SELECT count(*) FROM audit_log WHERE entity = 'expert'").scalar(Int.self) == 2)
    }

    @Test("staff import for any unit from a UTF-8 file with BOM; unknown units are reported, all-or-nothing holds")
    func staffImport() async throws {
        let (app, pool, _, tokens, _) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let good = [Self.rows[0], Self.rows[1], Self.rows[3]]
        let unknown = Self.rows[0].replacingOccurrences(of: "甲大学", with: "不存在大学")
        try await app.test(.router) { client in
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let (s1, r1) = try await Self.post(
                client, mode: "all", as: tokens["staff"], body: bom + Array(Self.csv(good + [unknown]).utf8))
            #expect(s1 == .unprocessableContent)
            #expect((r1["issues"] as? [[String: Any]])?.first?["code"] as? String == "unknown_unit")
            let (s2, r2) = try await Self.post(
                client, mode: "all", as: tokens["staff"], body: bom + Array(Self.csv(good).utf8))
            #expect(s2 == .created)
            #expect(r2["imported"] as? Int == 3)
            let (s3, r3) = try await Self.post(
                client, mode: "check", as: tokens["staff"], body: Array("no,header\n1,2\n".utf8))
            #expect(s3 == .ok)
            #expect((r3["issues"] as? [Any])?.isEmpty == false)
        }
        let perUnit = try await pool.query(
            "SELECT o.name, count(*) FROM expert e JOIN organization o ON o.id = e.unit_id GROUP BY o.name ORDER BY o.name"
        ).map { "\(try $0.decode(0, as: String.self))=\(try $0.decode(1, as: Int.self))" }
        #expect(perUnit == ["乙研究所=1", "甲大学=2"])
    }

    @Test("the template downloads as CSV with a BOM and the Chinese headers")
    func template() async throws {
        let (app, pool, _, tokens, _) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/imports/experts/template", method: .get,
                headers: [.authorization: "Bearer \(tokens["unitU"]!)"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                let bytes = Array(response.body.readableBytesView)
                #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
                #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("姓名"))
            }
        }
    }
}
