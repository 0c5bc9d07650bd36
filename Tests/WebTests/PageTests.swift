import Auth
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LibPQ
import Storage
import TestSupport
import Testing
import Web

@Suite("Web pages: cookie sessions, CSRF, forms with errors next to fields, escaping, role pages")
struct PageTests {
    static let password = "page-test-password"

    /// Adds a password login for the world's tenants: enterprise a (`pageEnt`), unit u (`pageUnit`), staff, and an
    /// expert of unit u (`pageExpert`).
    static func logins(_ pool: PGPool, _ ids: [String: Int]) async throws -> Int {
        let hash = try PasswordHasher(rounds: 10).hash(password)
        let expert = try await pool.query(
            """
            INSERT INTO expert (unit_id, name, phone, status) VALUES (\(ids["u"]!), '钱专家', '13912345670', 'approved')
            RETURNING id
            """
        ).scalar(Int.self)
        for (name, role, org, exp) in [
            ("pageEnt", "enterprise", ids["a"], nil), ("pageUnit", "unit_admin", ids["u"], nil),
            ("pageStaff", "staff", nil, nil), ("pageExpert", "expert", nil, expert),
        ] as [(String, String, Int?, Int?)] {
            try await pool.execute(
                """
                INSERT INTO account (username, display_name, role, organization_id, expert_id, password_hash)
                VALUES (\(name), \(name), \(role), \(org), \(exp), \(hash))
                """)
        }
        return expert
    }

    @Test("login sets an HttpOnly SameSite=Lax session cookie, Secure behind TLS; wrong password and missing CSRF fail")
    func login() async throws {
        let (app, pool, _, _, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        _ = try await Self.logins(pool, ids)
        try await app.test(.router) { client in
            var browser = PageSessionClient()
            let form = try await browser.get(client, "/login")
            #expect(form.status == .ok)
            #expect(form.html.contains("登录"))
            #expect(form.setCookies.contains { $0.hasPrefix("kczy_login_csrf=") && $0.contains("HttpOnly") })

            let wrong = try await browser.post(client, "/login", [("username", "pageEnt"), ("password", "nope")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.html.contains("用户名或密码错误"))
            #expect(wrong.html.contains(#"value="pageEnt""#))

            var noToken = PageSessionClient()
            let forged = try await noToken.post(
                client, "/login", [("username", "pageEnt"), ("password", Self.password)], withCSRF: false)
            #expect(forged.status == .forbidden)
            #expect(noToken.cookies["kczy_session"] == nil)

            let ok = try await browser.login(client, "pageEnt", Self.password)
            #expect(ok.status == .seeOther)
            #expect(ok.location == "/dashboard")
            let session = try #require(ok.setCookies.first { $0.hasPrefix("kczy_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"))
            #expect(!session.contains("Secure"))
            let home = try await browser.get(client, "/enterprise/needs")
            #expect(home.status == .ok)
            #expect(home.html.contains("技术需求") && home.html.contains("pageEnt（企业用户）"))

            var tls = PageSessionClient()
            _ = try await tls.get(client, "/login")
            let secure = try await tls.post(
                client, "/login", [("username", "pageStaff"), ("password", Self.password)],
                headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(secure.setCookies.first { $0.hasPrefix("kczy_session=") }?.contains("Secure") == true)
            #expect(secure.location == "/dashboard")
        }
    }

    @Test("anonymous visitors are sent to login and back; open redirects are refused; logout revokes the session")
    func redirects() async throws {
        let (app, pool, _, _, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        _ = try await Self.logins(pool, ids)
        try await app.test(.router) { client in
            var browser = PageSessionClient()
            let anonymous = try await browser.get(client, "/unit/experts")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.location == "/login?next=/unit/experts")
            _ = try await browser.get(client, "/login?next=/unit/experts")
            let back = try await browser.post(
                client, "/login", [("username", "pageUnit"), ("password", Self.password), ("next", "/unit/experts")])
            #expect(back.location == "/unit/experts")

            var other = PageSessionClient()
            _ = try await other.get(client, "/login")
            let evil = try await other.post(
                client, "/login", [("username", "pageUnit"), ("password", Self.password), ("next", "//evil.example")])
            #expect(evil.location == "/dashboard")

            // The API never accepts the cookie (its writes carry no CSRF token).
            let api = try await browser.get(client, "/api/v1/auth/me")
            #expect(api.status == .unauthorized)

            _ = try await browser.get(client, "/unit/experts")
            let out = try await browser.post(client, "/logout", [])
            #expect(out.location == "/login?msg=logged_out")
            let revoked = try await pool.query(
                "SELECT count(*) FROM auth_token WHERE kind = 'session' AND revoked_at IS NOT NULL"
            ).scalar(Int.self)
            #expect(revoked == 1)
            #expect(try await browser.get(client, "/unit/experts").status == .seeOther)
        }
    }

    @Test("an enterprise submits a need through the form; errors stay next to fields with the input kept and escaped")
    func needForm() async throws {
        let (app, pool, _, _, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        _ = try await Self.logins(pool, ids)
        try await app.test(.router) { client in
            var ent = PageSessionClient()
            _ = try await ent.login(client, "pageEnt", Self.password)
            _ = try await ent.get(client, "/enterprise/needs/new")
            let bad = try await ent.post(
                client, "/enterprise/needs",
                [("title", "<script>x</script>涂层开裂"), ("budget", "很多"), ("experts_needed", "1"), ("intent", "submit")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("&lt;script&gt;x&lt;/script&gt;涂层开裂"))
            #expect(!bad.html.contains("<script>x</script>"))
            #expect(Self.fieldError(bad.html, "description")?.contains("请填写") == true)
            #expect(Self.fieldError(bad.html, "budget")?.contains("应为数字") == true)
            #expect(Self.fieldError(bad.html, "title") == nil)
            #expect(try await pool.query("SELECT count(*) FROM need").scalar(Int.self) == 0)

            // A forged post (wrong token) is refused and writes nothing.
            let forged = try await ent.post(
                client, "/enterprise/needs", [("title", "x"), ("_csrf", "forged")], withCSRF: false)
            #expect(forged.status == .forbidden)

            let good = try await ent.post(
                client, "/enterprise/needs",
                [
                    ("title", "热障涂层开裂机理分析"), ("description", "燃气轮机叶片热障涂层服役中开裂，需要分析机理并改进喷涂工艺。"),
                    ("tracks", "equipment"), ("tracks", "new_materials"), ("keywords", "热障涂层，高温合金、喷涂"),
                    ("budget", "300,000"), ("experts_needed", "1"), ("accepts_out_of_province", "on"),
                    ("intent", "submit"),
                ])
            #expect(good.status == .seeOther)
            #expect(good.location == "/enterprise/needs?msg=submitted")
            let row = try await pool.query(
                "SELECT id, status, tracks, keywords, budget = 300000, accepts_out_of_province FROM need")[0]
            let needID = try row.decode(0, as: Int.self)
            #expect(try row.decode(1, as: String.self) == "submitted")
            #expect(try row.decode(2, as: [String].self) == ["equipment", "new_materials"])
            #expect(try row.decode(3, as: [String].self) == ["热障涂层", "高温合金", "喷涂"])
            #expect(try row.decode(4, as: Bool.self))
            let list = try await ent.get(client, "/enterprise/needs?msg=submitted")
            #expect(list.html.contains("已提交，等待项目办审核。") && list.html.contains("热障涂层开裂机理分析"))

            var staff = PageSessionClient()
            _ = try await staff.login(client, "pageStaff", Self.password)
            let queue = try await staff.get(client, "/staff/needs")
            #expect(queue.html.contains(#"id="need-\#(needID)""#))
            let noReason = try await staff.post(client, "/staff/needs/\(needID)/return", [("reason", " ")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.html.contains(#"role="alert""#))
            let accepted = try await staff.post(client, "/staff/needs/\(needID)/accept", [])
            #expect(accepted.location == "/staff/needs?msg=accepted")
            #expect(try await pool.query("SELECT status FROM need WHERE id = \(needID)").scalar(String.self) == "open")
            #expect(try await ent.get(client, "/enterprise/needs").html.contains("征集中"))
            let log = try await staff.get(client, "/staff/audit?entity=need&entity_id=\(needID)")
            #expect(log.status == .ok)
            #expect(log.html.contains("status：submitted → open"))
            #expect(log.html.contains("pageStaff") && log.html.contains("pageEnt"))
            #expect(try await staff.get(client, "/staff/audit?entity=password").status == .badRequest)
        }
    }

    @Test("units add and approve experts through pages; an expert's own edit goes back to the unit; tenants are walled")
    func expertPages() async throws {
        let (app, pool, _, _, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let ownExpert = try await Self.logins(pool, ids)
        let otherUnitExpert = try await pool.query(
            "INSERT INTO expert (unit_id, name, phone) VALUES (\(ids["v"]!), '孙专家', '13912345671') RETURNING id"
        ).scalar(Int.self)
        try await app.test(.router) { client in
            var unit = PageSessionClient()
            _ = try await unit.login(client, "pageUnit", Self.password)
            _ = try await unit.get(client, "/unit/experts/new")
            let fields: [(String, String)] = [
                ("name", "李材料"), ("degree", "phd"), ("title_level", "senior"), ("birth_year", "1982"),
                ("tracks", "new_materials"), ("keywords", "碳纤维, 复合材料"), ("capacity", "2"),
                ("discipline_codes", "43055"), ("email", "li@u.example.cn"),
            ]
            let bad = try await unit.post(client, "/unit/experts", fields + [("mobile", "12")])
            #expect(bad.status == .unprocessableContent)
            #expect(Self.fieldError(bad.html, "mobile") != nil)
            #expect(bad.html.contains(#"value="李材料""#))
            let created = try await unit.post(client, "/unit/experts", fields + [("mobile", "13912345672")])
            #expect(created.location == "/unit/experts?msg=created", "\(Self.errors(created.html))")
            let id = try await pool.query("SELECT id FROM expert WHERE name = '李材料'").scalar(Int.self)
            _ = try await unit.get(client, "/unit/experts")
            #expect(try await unit.post(client, "/unit/experts/\(id)/approve", []).status == .seeOther)
            #expect(
                try await pool.query("SELECT status FROM expert WHERE id = \(id)").scalar(String.self) == "approved")
            // Another unit's expert: neither the edit page nor approval.
            #expect(try await unit.get(client, "/unit/experts/\(otherUnitExpert)/edit").status == .forbidden)
            #expect(try await unit.post(client, "/unit/experts/\(otherUnitExpert)/approve", []).status == .forbidden)
            #expect(
                try await pool.query("SELECT status FROM expert WHERE id = \(otherUnitExpert)").scalar(String.self)
                    == "registered")
            // A staff page is not for units.
            let forbidden = try await unit.get(client, "/staff/needs")
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.html.contains("该页面仅供项目办工作人员使用"))

            var expert = PageSessionClient()
            _ = try await expert.login(client, "pageExpert", Self.password)
            let own = try await expert.get(client, "/expert/profile")
            #expect(own.html.contains("钱专家") && own.html.contains("已审核的资料修改后将退回派出单位重新审核"))
            let saved = try await expert.post(
                client, "/expert/profile",
                [
                    ("name", "钱专家"), ("mobile", "13912345670"), ("keywords", "光电, 激光"), ("discipline_codes", "41045"),
                    ("email", "qian@u.example.cn"), ("degree", "master"), ("title_level", "associate_senior"),
                    ("birth_year", "1985"), ("tracks", "optoelectronics"),
                ])
            #expect(saved.location == "/expert/profile?msg=saved", "\(Self.errors(saved.html))")
            #expect(
                try await pool.query("SELECT status FROM expert WHERE id = \(ownExpert)").scalar(String.self)
                    == "pending_reapproval")
        }
    }

    @Test("the enterprise profile page saves edits and shows errors by field")
    func profilePage() async throws {
        let (app, pool, _, _, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        _ = try await Self.logins(pool, ids)
        try await app.test(.router) { client in
            var ent = PageSessionClient()
            _ = try await ent.login(client, "pageEnt", Self.password)
            let page = try await ent.get(client, "/enterprise/profile")
            #expect(page.html.contains("丙企业有限公司") && page.html.contains("长春市"))
            let bad = try await ent.post(
                client, "/enterprise/profile",
                [("region_code", "220100"), ("tracks", "equipment"), ("contact_name", "王工"), ("contact_phone", "12")])
            #expect(bad.status == .unprocessableContent)
            #expect(Self.fieldError(bad.html, "contact_phone") != nil)
            let ok = try await ent.post(
                client, "/enterprise/profile",
                [
                    ("region_code", "220200"), ("address", "吉林市丰满区"), ("tracks", "equipment"),
                    ("qualifications", "tech_sme"),
                    ("contact_name", "王工"), ("contact_phone", "13912345678"),
                ])
            #expect(ok.location == "/enterprise/profile?msg=saved")
            let row = try await pool.query(
                "SELECT region_code, qualifications FROM organization WHERE id = \(ids["a"]!)")[0]
            #expect(try row.decode(0, as: String.self) == "220200")
            #expect(try row.decode(1, as: [String].self) == ["tech_sme"])
        }
    }

    @Test("an enterprise registers through the public form; a bad USCC is shown next to its field")
    func registration() async throws {
        let (app, pool, _, _, _) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let uscc = try USCC.make(divisionCode: "220104", serial: 55).value
        try await app.test(.router) { client in
            var visitor = PageSessionClient()
            let form = try await visitor.get(client, "/register/enterprise")
            #expect(form.status == .ok && form.html.contains("统一社会信用代码"))
            var fields: [(String, String)] = [
                ("name", "长春新创光电科技有限公司"), ("region_code", "220100"), ("tracks", "optoelectronics"),
                ("contact_name", "王工"), ("contact_phone", "13912345678"), ("username", "xinchuang"),
                ("password", "a-long-password"),
            ]
            let wrongCheck = String(uscc.dropLast()) + (uscc.last == "0" ? "1" : "0")
            let bad = try await visitor.post(client, "/register/enterprise", fields + [("identifier", wrongCheck)])
            #expect(bad.status == .unprocessableContent)
            #expect(Self.fieldError(bad.html, "identifier") != nil)
            #expect(bad.html.contains(#"value="长春新创光电科技有限公司""#))
            #expect(!bad.html.contains("a-long-password"))  // passwords are never echoed back
            fields.append(("identifier", uscc))
            var stranger = PageSessionClient()
            let forged = try await stranger.post(client, "/register/enterprise", fields, withCSRF: false)
            #expect(forged.status == .forbidden)
            let ok = try await visitor.post(client, "/register/enterprise", fields)
            #expect(ok.location == "/login?msg=registered")
            let row = try await pool.query(
                "SELECT o.status, a.role FROM organization o JOIN account a ON a.organization_id = o.id WHERE o.identifier = \(uscc)"
            )
            #expect(row.count == 1)
            #expect(try row.first?.decode(0, as: String.self) == "pending")
            #expect(try row.first?.decode(1, as: String.self) == "enterprise")
            let unitForm = try await visitor.get(client, "/register/unit")
            #expect(unitForm.html.contains("香港商业登记号码"))
        }
    }

    @Test("staff run a batch from the pages: create (errors by field), review with explanations, publish; objections")
    func batchPages() async throws {
        let (app, pool, _, _, ids) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        _ = try await Self.logins(pool, ids)
        let w = try await BatchAPIWorld.build(pool, ids)
        try await app.test(.router) { client in
            var staff = PageSessionClient()
            _ = try await staff.login(client, "pageStaff", Self.password)
            let list = try await staff.get(client, "/staff/batches")
            #expect(list.html.contains("测试批次") && list.html.contains("新建匹配批次"))
            let bad = try await staff.post(
                client, "/staff/batches", [("name", "第二批"), ("as_of", ""), ("term_months", "2")])
            #expect(bad.status == .unprocessableContent)
            #expect(Self.fieldError(bad.html, "term_months") != nil || Self.fieldError(bad.html, "as_of") != nil)
            let created = try await staff.post(
                client, "/staff/batches",
                [
                    ("name", "第二批"), ("as_of", "2026-12-01"), ("term_start", "2027-01-01"),
                    ("require_phd_or_senior_title", "on"),
                ])
            #expect(created.location?.hasPrefix("/staff/batches/") == true)

            let detail = try await staff.get(client, "/staff/batches/\(w.batch)")
            #expect(detail.html.contains("推荐名单已生成") && detail.html.contains("文本相关度"))
            #expect(detail.html.contains(#"id="p-\#(w.proposals[0])""#))
            let accepted = try await staff.post(client, "/staff/proposals/\(w.proposals[0])/accept", [])
            #expect(accepted.status == .seeOther)
            let rejectNoReason = try await staff.post(
                client, "/staff/proposals/\(w.proposals[1])/reject", [("reason", "")])
            #expect(rejectNoReason.status == .unprocessableContent)
            _ = try await staff.get(client, "/staff/batches/\(w.batch)")
            #expect(try await staff.post(client, "/staff/batches/\(w.batch)/publish", []).status == .seeOther)
            #expect(
                try await pool.query("SELECT status FROM match_batch WHERE id = \(w.batch)").scalar(String.self)
                    == "published")

            // The public list needs no login and shows no contacts.
            var visitor = PageSessionClient()
            let page = try await visitor.get(client, "/publications/\(w.batch)")
            #expect(page.status == .ok && page.html.contains("科创专员") && !page.html.contains("13912345678"))
            #expect(page.html.contains("登录</a>后可实名提出异议"))

            var ent = PageSessionClient()
            _ = try await ent.login(client, "pageEnt", Self.password)
            _ = try await ent.get(client, "/publications/\(w.batch)")
            let short = try await ent.post(
                client, "/publications/\(w.batch)/objections",
                [("proposal_id", "\(w.proposals[0])"), ("real_name", "王工"), ("body", "太短")])
            #expect(short.status == .unprocessableContent)
            #expect(Self.fieldError(short.html, "body") != nil)
            let filed = try await ent.post(
                client, "/publications/\(w.batch)/objections",
                [("proposal_id", "\(w.proposals[0])"), ("real_name", "王工"), ("body", "该专家与本企业存在竞争关系，请核实。")])
            #expect(filed.location == "/publications/\(w.batch)?msg=objected")
            let mine = try await ent.get(client, "/proposals")
            #expect(mine.html.contains("推荐结果") && mine.html.contains("叶片热障涂层开裂分析"))

            let withObjection = try await staff.get(client, "/staff/batches/\(w.batch)")
            #expect(withObjection.html.contains("该专家与本企业存在竞争关系"))
        }
    }

    /// Every error message on a page (for failure messages).
    static func errors(_ html: String) -> [String] {
        html.components(separatedBy: #"role="alert">"#).dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    /// The error text rendered inside a field's block, if any.
    static func fieldError(_ html: String, _ field: String) -> String? {
        guard let start = html.range(of: #"id="field-\#(field)""#) else { return nil }
        let block = html[start.upperBound...].prefix { _ in true }
        guard let end = block.range(of: #"<div class="field"#) ?? block.range(of: "</form>") else { return nil }
        let inner = block[..<end.lowerBound]
        guard let e = inner.range(of: #"<div class="error" role="alert">"#) else { return nil }
        return String(inner[e.upperBound...].prefix { $0 != "<" })
    }
}
