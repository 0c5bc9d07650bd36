import Auth
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LibPQ
import Storage
import Testing
import Web

@Suite("Dispatch pages: outcomes with evidence, verification, service days, reports and dashboards")
struct DispatchPageTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)

    struct World {
        var pool: PGPool
        var ids: [String: Int]
        var tokens: [String: String]
        /// Enterprise a's dispatch of the page expert (unit u), and enterprise b's of an expert of unit v.
        var assignment: Int
        var other: Int
    }

    /// The page world plus two dispatches from 2026-01-01 ("today" is 2026-11-29) and a login for enterprise b.
    static func world() async throws -> (Application<RouterResponder<AppRequestContext>>, World) {
        let (app, pool, _, tokens, ids) = try await ExpertAPITests.world()
        let expert = try await PageTests.logins(pool, ids)
        let (assignment, other) = try await pool.withTransaction { c -> (Int, Int) in
            let b = try c.query(
                """
                INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, status)
                VALUES ('enterprise', '丁企业有限公司', 'uscc', \(try USCC.make(divisionCode: "220104", serial: 31).value),
                        '220200', 'approved') RETURNING id
                """
            ).scalar(Int.self)
            try c.execute(
                """
                INSERT INTO account (username, display_name, role, organization_id, password_hash)
                VALUES ('pageEntB', 'pageEntB', 'enterprise', \(b), \(try PasswordHasher(rounds: 10).hash(PageTests.password)))
                """)
            let vExpert = try c.query(
                "INSERT INTO expert (unit_id, name, degree, birth_year) VALUES (\(ids["v"]!), '孙专家', 'phd', 1970) RETURNING id"
            ).scalar(Int.self)
            func dispatch(_ enterprise: Int, _ expert: Int) throws -> Int {
                let need = try c.query(
                    "INSERT INTO need (enterprise_id, title, description, status) VALUES (\(enterprise), '企业技术需求', '描述', 'dispatched') RETURNING id"
                ).scalar(Int.self)
                return try c.query(
                    """
                    INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end)
                    VALUES (\(need), \(expert), \(enterprise), '2026-01-01', '2028-01-01') RETURNING id
                    """
                ).scalar(Int.self)
            }
            return (try dispatch(ids["a"]!, expert), try dispatch(b, vExpert))
        }
        return (app, World(pool: pool, ids: ids, tokens: tokens, assignment: assignment, other: other))
    }

    static func login(_ client: some TestClientProtocol, _ user: String) async throws -> PageSessionClient {
        var browser = PageSessionClient()
        let page = try await browser.login(client, user, PageTests.password)
        #expect(page.location == "/dashboard")
        return browser
    }

    static func json(_ page: PageSessionClient.Page) throws -> JSONValue { try JSONValue.parse(Data(page.html.utf8)) }

    static func newProducts(_ report: JSONValue) -> Double? {
        guard case .array(let items)? = report["items"], case .object(let row)? = items.first,
            case .number(let n)? = row["new_products"]
        else { return nil }
        return n
    }

    @Test("an uploaded outcome is stored whole with its checksum, verified by staff, then counted on the dashboard")
    func outcomeFlow() async throws {
        let (app, w) = try await Self.world()
        defer { Task { await w.pool.close() } }
        let a = w.assignment
        @Sendable func stored() async throws -> Int {
            try await w.pool.query("SELECT count(*) FROM outcome").scalar(Int.self)
        }
        try await app.test(.router) { client in
            var ent = try await Self.login(client, "pageEnt")
            let detail = try await ent.get(client, "/assignments/\(a)")
            #expect(detail.status == .ok && detail.html.contains("outcome-form"))
            let fields = [("kind", "new_product"), ("title", "高性能复材构件"), ("achieved_on", "2026-10-01")]

            // A text file named .pdf is refused next to the file input, and nothing is written.
            let fake = try await ent.postMultipart(
                client, "/assignments/\(a)/outcomes", fields,
                file: ("evidence", "证明.pdf", "application/pdf", Array("not a pdf".utf8)))
            #expect(fake.status == .unprocessableContent)
            #expect(fake.html.contains("文件内容与类型 application/pdf 不符"))
            #expect(fake.html.contains(#"value="高性能复材构件""#))
            #expect(try await stored() == 0)
            // A forged form (wrong CSRF token) is refused before anything is read.
            let token = ent.csrf
            ent.csrf = "forged"
            let forged = try await ent.postMultipart(
                client, "/assignments/\(a)/outcomes", fields, file: ("evidence", "a.pdf", "application/pdf", Self.pdf))
            #expect(forged.status == .forbidden)
            #expect(try await stored() == 0)
            ent.csrf = token

            let ok = try await ent.postMultipart(
                client, "/assignments/\(a)/outcomes", fields, file: ("evidence", "证明.pdf", "application/pdf", Self.pdf))
            #expect(ok.status == .seeOther)
            #expect(ok.location == "/assignments/\(a)?msg=reported#outcomes")
            let row = try #require(
                try await w.pool.query(
                    """
                    SELECT o.id, o.status, v.sha256, v.size_bytes, v.content, v.filename FROM outcome o
                    JOIN outcome_evidence v ON v.outcome_id = o.id
                    """
                ).first)
            let id = try row.decode(0, as: Int.self)
            #expect(try row.decode(1, as: String.self) == "reported")
            #expect(try row.decode(2, as: String.self) == OutcomeStore.sha256Hex(Self.pdf))
            #expect(try row.decode(3, as: Int.self) == Self.pdf.count)
            #expect(try row.decode(4, as: PGBytes.self).bytes == Self.pdf)
            #expect(try row.decode(5, as: String.self) == "证明.pdf")
            #expect(try await ent.get(client, "/assignments/\(a)").html.contains("待核实"))

            // The evidence downloads unchanged with its digest; other tenants cannot see it or the dispatch.
            let file = try await ent.get(client, "/outcomes/\(id)/evidence")
            #expect(file.status == .ok && Array(file.html.utf8) == Self.pdf)
            #expect(file.headers[.contentType] == "application/pdf")
            let hex = Array(OutcomeStore.sha256Hex(Self.pdf))
            let digest = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(hex[$0...$0 + 1]), radix: 16)! }
            #expect(file.headers[HTTPField.Name("Digest")!] == "sha-256=\(Data(digest).base64EncodedString())")
            var entB = try await Self.login(client, "pageEntB")
            #expect(try await entB.get(client, "/outcomes/\(id)/evidence").status == .notFound)
            #expect(try await entB.get(client, "/assignments/\(a)").status == .notFound)

            // Unverified outcomes do not count; staff verify from the queue, and the dashboard counts it.
            var staff = try await Self.login(client, "pageStaff")
            let before = try Self.json(try await staff.get(client, "/reports/headline?format=json"))
            #expect(Self.newProducts(before) == 0)
            let queue = try await staff.get(client, "/staff/outcomes")
            #expect(queue.html.contains("outcome-\(id)") && queue.html.contains("高性能复材构件"))
            let verified = try await staff.post(
                client, "/outcomes/\(id)/verify", [("next", "/staff/outcomes?status=reported")])
            #expect(verified.location == "/staff/outcomes?status=reported&msg=verified")
            let after = try Self.json(try await staff.get(client, "/reports/headline?format=json"))
            #expect(Self.newProducts(after) == 1)
            let dashboard = try await staff.get(client, "/dashboard")
            #expect(dashboard.html.contains("<title>新产品：1</title>"))
            #expect(dashboard.html.contains("没有待核实的成效"))
            // Verifying twice is a conflict, not a second count.
            #expect(try await staff.post(client, "/outcomes/\(id)/verify", []).status == .conflict)
            #expect(Self.newProducts(try Self.json(try await staff.get(client, "/reports/headline?format=json"))) == 1)
            // The enterprise's own dashboard and the unit's show it too.
            #expect(try await ent.get(client, "/dashboard").html.contains("<title>新产品：1</title>"))
            var unit = try await Self.login(client, "pageUnit")
            #expect(try await unit.get(client, "/dashboard").html.contains("高性能复材构件"))
            #expect(try await entB.get(client, "/dashboard").html.contains("<title>新产品：0</title>"))
        }
    }

    @Test("service days: the commissioner, the unit and staff are warned when behind; logging days clears it")
    func serviceDays() async throws {
        let (app, w) = try await Self.world()
        defer { Task { await w.pool.close() } }
        let a = w.assignment
        try await app.test(.router) { client in
            var expert = try await Self.login(client, "pageExpert")
            var unit = try await Self.login(client, "pageUnit")
            var staff = try await Self.login(client, "pageStaff")
            // From 2026-01-01 to 2026-11-29 (333 days) at 90 days a year, 82 days are expected; none are logged.
            for var who in [expert, unit, staff] {
                let page = try await who.get(client, "/dashboard")
                #expect(page.html.contains("behind-warning") && page.html.contains("应不少于 82 天"))
            }
            #expect(try await expert.get(client, "/assignments/\(a)").html.contains("service-log-form"))
            let bad = try await expert.post(
                client, "/assignments/\(a)/service-logs", [("served_on", "2026-11-01"), ("days", "0"), ("work", "")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("天数应为0.5–31") && bad.html.contains("请填写工作内容"))
            // A decimal comma is refused, not read as 5 days.
            let comma = try await expert.post(
                client, "/assignments/\(a)/service-logs",
                [("served_on", "2026-11-01"), ("days", "0,5"), ("work", "驻企")])
            #expect(comma.status == .unprocessableContent)
            #expect(comma.html.contains("驻企天数应为数字"))
            for month in ["03", "06", "09"] {
                let ok = try await expert.post(
                    client, "/assignments/\(a)/service-logs",
                    [("served_on", "2026-\(month)-01"), ("days", "28"), ("work", "驻企联合攻关")])
                #expect(ok.status == .seeOther)
            }
            // The same date twice, or more days in a month than it has (03-01 already holds 28 of March's 31), is refused.
            for (date, days, message) in [
                ("2026-06-01", "1", "该日期已有服务记录"), ("2026-03-20", "4", "本月已填报 28 天，加上本次超过当月 31 天"),
            ] {
                let refused = try await expert.post(
                    client, "/assignments/\(a)/service-logs",
                    [("served_on", date), ("days", days), ("work", "重复填报")])
                #expect(refused.status == .unprocessableContent, "\(date)")
                #expect(refused.html.contains(message), "\(date)")
            }
            // Up to the month's length is fine.
            #expect(
                try await expert.post(
                    client, "/assignments/\(a)/service-logs",
                    [("served_on", "2026-03-29"), ("days", "0.5"), ("work", "回访")]
                ).status == .seeOther)
            let page = try await expert.get(client, "/assignments/\(a)")
            #expect(page.html.contains("已驻企 <strong>84.5</strong> 天"))
            // Another enterprise's commissioner cannot log days on this dispatch.
            var entB = try await Self.login(client, "pageEntB")
            _ = try await entB.get(client, "/dashboard")  // a valid CSRF token: the refusal is the authorization's
            let denied = try await entB.post(
                client, "/assignments/\(a)/service-logs",
                [("served_on", "2026-11-01"), ("days", "1"), ("work", "越权填报")])
            #expect(denied.status == .forbidden)
            for var who in [expert, unit] {
                #expect(!(try await who.get(client, "/dashboard").html.contains("behind-warning")))
            }
            // Staff still see enterprise b's commissioner, who has logged nothing.
            let program = try await staff.get(client, "/dashboard").html
            #expect(
                program.contains("/assignments/\(w.other)#service") && !program.contains("/assignments/\(a)#service"))
        }
    }

    @Test("report pages: charts, Excel CSV with BOM, the API's JSON; each tenant sees its own scope")
    func reports() async throws {
        let (app, w) = try await Self.world()
        defer { Task { await w.pool.close() } }
        try await app.test(.router) { client in
            var staff = try await Self.login(client, "pageStaff")
            let page = try await staff.get(client, "/reports/composition")
            #expect(page.status == .ok && page.html.contains("<svg") && page.html.contains("博士"))
            let csv = try await staff.get(client, "/reports/composition?format=csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(csv.html.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.html.hasPrefix("\u{FEFF}维度,类别,人数,占比\r\n学历,博士,1,50.0%\r\n"))
            // The page's JSON is the API's JSON.
            for path in ["headline?group_by=unit", "composition", "needs", "talent-gap"] {
                let fromPage = try Self.json(
                    try await staff.get(client, "/reports/\(path)\(path.contains("?") ? "&" : "?")format=json"))
                let fromAPI = try await client.execute(
                    uri: "/api/v1/reports/\(path)", method: .get,
                    headers: [.authorization: "Bearer \(w.tokens["staff"]!)"]
                ) { try JSONValue.parse(Data(buffer: $0.body)) }
                #expect(fromPage == fromAPI, "\(path)")
            }
            let units = try Self.json(try await staff.get(client, "/reports/headline?group_by=unit&format=json"))
            #expect("\(units)".contains("甲大学") && "\(units)".contains("乙研究所"))
            #expect(try await staff.get(client, "/reports/headline?group_by=planet").status == .badRequest)
            #expect(try await staff.get(client, "/reports/composition?format=xml").status == .badRequest)

            var unit = try await Self.login(client, "pageUnit")
            let own = try Self.json(try await unit.get(client, "/reports/headline?group_by=unit&format=json"))
            #expect("\(own)".contains("甲大学") && !"\(own)".contains("乙研究所"))
            #expect(try await unit.get(client, "/reports/needs").status == .forbidden)
            #expect(try await unit.get(client, "/reports").html.contains("/reports/composition"))
            var expert = try await Self.login(client, "pageExpert")
            #expect(try await expert.get(client, "/reports/headline").status == .forbidden)
        }
    }
}
