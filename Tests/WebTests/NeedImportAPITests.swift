import Domain
import Foundation
import Hummingbird
import HummingbirdTesting
import LibPQ
import Storage
import TestSupport
import Testing
import Web

@Suite("CSV import of needs")
struct NeedImportAPITests {
    static let header = "企业名称*,统一社会信用代码,需求名称*,问题描述*,技术指标,产业方向*,学科代码,关键词,预算（元）,截止日期,是否保密,是否接受域外专家,期望成果,知识产权约定,需要专家人数"

    static func csv(_ rows: [String]) -> [UInt8] { Array((([header] + rows).joined(separator: "\n") + "\n").utf8) }

    static func post(_ client: some TestClientProtocol, mode: String, as token: String?, body: [UInt8]) async throws
        -> (HTTPResponse.Status, [String: Any])
    {
        try await client.execute(
            uri: "/api/v1/imports/needs?mode=\(mode)", method: .post,
            headers: [.contentType: "text/csv", .authorization: "Bearer \(token ?? "")"], body: ByteBuffer(bytes: body)
        ) { ($0.status, (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body)) as? [String: Any]) ?? [:]) }
    }

    @Test("an enterprise imports drafts for itself only; staff import for any enterprise by USCC into screening")
    func importNeeds() async throws {
        let (app, pool, _, tokens, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let uscc = try USCC.make(divisionCode: "220104", serial: 23).value
        let own = "丙企业有限公司,,碳纤维预浸料孔隙率控制,预浸料固化后孔隙率偏高需要优化工艺。,孔隙率<1%,新材料,43055,碳纤维,500000,2027-06-30,否,是,,,1"
        let other = "别家企业有限公司,,另一项技术需求标题,问题描述内容足够长。,,新材料,,,,2027-06-30,否,是,,,1"
        let byCode = "名称不一致的写法,\(uscc),按信用代码匹配的需求,问题描述内容足够长。,,新能源,480,储能,,2027-03-31,是,否,,,2"
        try await app.test(.router) { client in
            let (s1, r1) = try await Self.post(client, mode: "valid", as: tokens["entA"], body: Self.csv([own, other]))
            #expect(s1 == .created)
            #expect(r1["imported"] as? Int == 1)
            #expect((r1["issues"] as? [[String: Any]])?.map { $0["code"] as? String } == ["other_enterprise"])
            let (s2, r2) = try await Self.post(client, mode: "all", as: tokens["staff"], body: Self.csv([byCode]))
            #expect(s2 == .created)
            #expect(r2["imported"] as? Int == 1)
            #expect(
                try await Self.post(client, mode: "all", as: tokens["unitU"], body: Self.csv([own])).0 == .forbidden)
            // Importing the same need again finds the one already stored (case and spacing ignored).
            let (s3, r3) = try await Self.post(
                client, mode: "all", as: tokens["entA"],
                body: Self.csv([own.replacingOccurrences(of: "碳纤维预浸料", with: "碳纤维 预浸料")]))
            #expect(s3 == .unprocessableContent)
            #expect((r3["issues"] as? [[String: Any]])?.map { $0["code"] as? String } == ["duplicate_existing"])
            // Staff match an enterprise by an alias recorded for it.
            try await pool.execute("INSERT INTO organization_alias VALUES (\(ids["a"]!), '丙公司')")
            let byAlias = "丙公司,,按别名匹配的需求,问题描述内容足够长。,,新材料,,,,2027-06-30,否,是,,,1"
            let (s4, r4) = try await Self.post(client, mode: "all", as: tokens["staff"], body: Self.csv([byAlias]))
            #expect(s4 == .created, "\(r4)")
        }
        let rows = try await pool.query("SELECT title, status, confidential, experts_needed FROM need ORDER BY id")
        #expect(rows.count == 3)
        #expect(try rows[0].decode(1, as: String.self) == "draft")
        #expect(try rows[1].decode(0, as: String.self) == "按信用代码匹配的需求")
        #expect(try rows[1].decode(1, as: String.self) == "submitted")
        #expect(try rows[1].decode(2, as: Bool.self))
        #expect(try rows[1].decode(3, as: Int.self) == 2)
    }
}
