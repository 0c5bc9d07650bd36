import Auth
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LibPQ
import NIOCore
import Storage
import TestSupport
import Testing
import Web

/// Every route, for every role, against the caller's own data and other tenants' data.
///
/// For each route the denied callers go first and must get 401 (anonymous), 403 or 404, and the resource the route
/// touches must be unchanged afterwards; then the allowed callers must get past authorization (anything but 401,
/// 403, 404 or a 5xx).
@Suite("Authorization matrix: every route × every role, own and other tenants' data")
struct AuthorizationMatrixTests {
    enum Actor: String, CaseIterable {
        case anonymous, entA, entB, unitU, unitV, expertU, staff, admin
    }

    struct Route {
        init(
            method: HTTPRequest.Method, path: String, body: String? = nil, allowed: [Actor], watch: String? = nil,
            destructive: Bool = false
        ) {
            self.destructive = destructive
            self.method = method
            self.path = path
            self.body = body
            self.allowed = Set(allowed)
            self.watch = watch
        }

        var method: HTTPRequest.Method
        var path: String
        var body: String?
        var allowed: Set<Actor>
        /// SQL returning one text that must not change when a denied caller tries the route.
        var watch: String?
        /// The first allowed caller consumes the resource (a delete), so only that one is tried.
        var destructive: Bool
        var page: Bool { !path.hasPrefix("/api/") }
    }

    struct World {
        var ids: [String: Int]
        var api: [Actor: String]
        var sessions: [Actor: (secret: String, csrf: String)]
    }

    static func world(_ pool: PGPool, _ accounts: AccountStore, _ base: [String: Int], _ tokens: [String: String])
        async throws -> World
    {
        var ids = base
        ids["b"] = try await pool.query(
            """
            INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, status)
            VALUES ('enterprise', '丁企业有限公司', 'uscc', \(try USCC.make(divisionCode: "220104", serial: 31).value), '220100', 'approved')
            RETURNING id
            """
        ).scalar(Int.self)
        ids["pending"] = try await pool.query(
            """
            INSERT INTO organization (kind, name, identifier_kind, identifier, region_code)
            VALUES ('enterprise', '戊待审企业', 'uscc', \(try USCC.make(divisionCode: "220104", serial: 32).value), '220100')
            RETURNING id
            """
        ).scalar(Int.self)
        for (key, unit, name) in [("eu", "u", "甲专家"), ("ev", "v", "乙专家")] {
            ids[key] = try await pool.query(
                """
                INSERT INTO expert (unit_id, name, phone, email, status, disciplines, tracks, degree, title_level, birth_year)
                VALUES (\(ids[unit]!), \(name), '13912345678', 'x@u.example.cn', 'approved', '{43055}', '{new_materials}',
                        'phd', 'senior', 1980)
                RETURNING id
                """
            ).scalar(Int.self)
        }
        let a = ids["a"]!
        for (key, status, confidential) in [
            ("draft", "draft", false), ("submitted", "submitted", false), ("open", "open", false),
            ("confidential", "open", true),
        ] {
            ids[key] = try await pool.query(
                """
                INSERT INTO need (enterprise_id, title, description, tracks, status, confidential)
                VALUES (\(a), \("需求" + key), '碳纤维预浸料固化孔隙率偏高，需优化固化工艺。', '{new_materials}', \(status), \(confidential))
                RETURNING id
                """
            ).scalar(Int.self)
        }
        ids["conflict"] = try await pool.query(
            "INSERT INTO conflict (expert_id, enterprise_id, kind, source) VALUES (\(ids["eu"]!), \(a), 'relative', 'staff') RETURNING id"
        ).scalar(Int.self)

        var accountIDs: [Actor: Int] = [:]
        for (actor, role, org, expert) in [
            (Actor.entB, "enterprise", ids["b"], nil), (.expertU, "expert", nil, ids["eu"]),
            (.admin, "admin", nil, nil),
        ] as [(Actor, String, Int?, Int?)] {
            accountIDs[actor] = try await pool.query(
                """
                INSERT INTO account (username, role, organization_id, expert_id, password_hash)
                VALUES (\(actor.rawValue), \(role), \(org), \(expert), 'x') RETURNING id
                """
            ).scalar(Int.self)
        }
        for (actor, name) in [(Actor.entA, "entA"), (.unitU, "unitU"), (.unitV, "unitV"), (.staff, "staff")] {
            accountIDs[actor] = try await pool.query("SELECT id FROM account WHERE username = \(name)").scalar(Int.self)
        }
        var api: [Actor: String] = [
            .entA: tokens["entA"]!, .unitU: tokens["unitU"]!, .unitV: tokens["unitV"]!, .staff: tokens["staff"]!,
        ]
        var sessions: [Actor: (String, String)] = [:]
        for (actor, id) in accountIDs {
            if api[actor] == nil {
                api[actor] = try await accounts.issueToken(for: id, kind: "api", lifetimeSeconds: 3600).secret
            }
            sessions[actor] = try await accounts.issueToken(for: id, kind: "session", lifetimeSeconds: 3600)
        }
        // A batch published for objections (its first proposal accepted, with one objection filed), and a fresh one.
        let w = try await BatchAPIWorld.build(pool, ids)
        let staff = Identity(
            accountID: accountIDs[.staff]!, username: "staff", displayName: "staff", role: .staff, organizationID: nil,
            expertID: nil)
        _ = try await ProposalStore(pool: pool).decide(w.proposals[0], .accept, reason: nil, by: staff, audit: .system)
        _ = try await PublicationStore(pool: pool).publish(
            w.batch, today: LocalDate("2026-11-30")!, by: staff, audit: .system)
        ids["objection"] = try await PublicationStore(pool: pool).object(
            to: w.proposals[0], realName: "张三", body: "该专家与企业存在未申报的合作关系。", today: LocalDate("2026-11-30")!,
            by: staff, audit: .system
        ).id
        ids["batch"] = w.batch
        ids["proposal"] = w.proposals[0]
        ids["proposal2"] = w.proposals[1]
        ids["bneed"] = w.needs[0]
        ids["bexpert"] = w.experts[1]
        ids["assignment"] = try await pool.query(
            """
            INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end)
            VALUES (\(w.needs[0]), \(w.experts[0]), \(ids["a"]!), '2027-01-01', '2029-01-01') RETURNING id
            """
        ).scalar(Int.self)
        let entA = Identity(
            accountID: accountIDs[.entA]!, username: "entA", displayName: "entA", role: .enterprise,
            organizationID: ids["a"],
            expertID: nil)
        ids["outcome"] = try await OutcomeStore(pool: pool).report(
            try JSONDecoder().decode(OutcomeReport.self, from: Data(Self.outcomeBody.utf8)),
            assignment: ids["assignment"]!,
            by: entA, audit: .system, today: LocalDate("2026-11-29")!
        ).id
        ids["fresh"] = try await BatchStore(pool: pool).create(
            name: "新批次", settings: BatchSettings(asOf: LocalDate("2026-12-01")!, termStart: LocalDate("2027-01-01")!),
            parent: nil, by: staff, audit: .system
        ).id
        return World(ids: ids, api: api, sessions: sessions)
    }

    static let outcomeBody =
        #"{"kind": "project", "title": "联合申报项目", "achieved_on": "2026-10-01", "evidence": {"filename": "a.pdf", "content_type": "application/pdf", "data": "JVBERi0xLjQgdGVzdA=="}}"#

    static func routes(_ w: World) -> [Route] {
        let i = w.ids
        let all = Actor.allCases.filter { $0 != .anonymous }
        let program: [Actor] = [.staff, .admin]
        let needRow = { (id: Int) in "SELECT to_jsonb(n)::text FROM need n WHERE id = \(id)" }
        let expertRow = { (id: Int) in "SELECT to_jsonb(e)::text FROM expert e WHERE id = \(id)" }
        let orgRow = { (id: Int) in
            "SELECT to_jsonb(o)::text || coalesce((SELECT string_agg(alias, ',') FROM organization_alias WHERE organization_id = o.id), '') FROM organization o WHERE id = \(id)"
        }
        let batchRow = { (id: Int) in "SELECT to_jsonb(b)::text FROM match_batch b WHERE id = \(id)" }
        let proposalRow = { (id: Int) in "SELECT to_jsonb(p)::text FROM proposal p WHERE id = \(id)" }
        let draft = NeedAPITests.draft
        let profile = ExpertAPITests.profile
        let orgEdit = OrganizationProfileAPITests.edit
        return [
            // Needs
            Route(method: .get, path: "/api/v1/needs", allowed: all),
            Route(method: .post, path: "/api/v1/needs", body: draft, allowed: [.entA, .entB]),
            Route(method: .get, path: "/api/v1/needs/\(i["draft"]!)", allowed: [.entA] + program),
            Route(
                method: .get, path: "/api/v1/needs/\(i["open"]!)", allowed: [.entA, .unitU, .unitV, .expertU] + program),
            Route(method: .get, path: "/api/v1/needs/\(i["confidential"]!)", allowed: [.entA] + program),
            Route(method: .get, path: "/api/v1/needs/\(i["draft"]!)/history", allowed: [.entA] + program),
            Route(
                method: .put, path: "/api/v1/needs/\(i["draft"]!)", body: draft, allowed: [.entA],
                watch: needRow(i["draft"]!)),
            Route(
                method: .post, path: "/api/v1/needs/\(i["open"]!)/withdraw", allowed: [.entA],
                watch: needRow(i["open"]!)),
            Route(
                method: .post, path: "/api/v1/needs/\(i["submitted"]!)/accept", allowed: program,
                watch: needRow(i["submitted"]!)),
            // Experts
            Route(method: .get, path: "/api/v1/experts", allowed: [.unitU, .unitV] + program),
            Route(method: .post, path: "/api/v1/experts", body: profile, allowed: [.unitU, .unitV]),
            Route(method: .get, path: "/api/v1/experts/\(i["eu"]!)", allowed: all),
            Route(
                method: .put, path: "/api/v1/experts/\(i["eu"]!)", body: profile, allowed: [.unitU, .expertU],
                watch: expertRow(i["eu"]!)),
            Route(
                method: .post, path: "/api/v1/experts/\(i["ev"]!)/approve", allowed: [.unitV],
                watch: expertRow(i["ev"]!)),
            Route(
                method: .post, path: "/api/v1/experts/\(i["ev"]!)/screen", allowed: program, watch: expertRow(i["ev"]!)),
            // Organizations
            Route(method: .get, path: "/api/v1/organizations", allowed: program),
            Route(
                method: .post, path: "/api/v1/organizations/\(i["pending"]!)/approve", allowed: program,
                watch: orgRow(i["pending"]!)),
            Route(method: .get, path: "/api/v1/organizations/\(i["a"]!)", allowed: [.entA] + program),
            Route(method: .get, path: "/api/v1/organizations/\(i["u"]!)", allowed: [.unitU] + program),
            Route(
                method: .put, path: "/api/v1/organizations/\(i["a"]!)", body: orgEdit, allowed: [.entA] + program,
                watch: orgRow(i["a"]!)),
            Route(
                method: .put, path: "/api/v1/organizations/\(i["b"]!)/aliases", body: #"{"aliases": ["丁公司"]}"#,
                allowed: program, watch: orgRow(i["b"]!)),
            Route(method: .get, path: "/api/v1/organizations/\(i["a"]!)/similar", allowed: program),
            Route(
                method: .post, path: "/api/v1/organizations/\(i["b"]!)/merge", body: #"{"into": \#(i["b"]!)}"#,
                allowed: program, watch: orgRow(i["b"]!)),
            // Conflicts, audit, imports
            Route(method: .get, path: "/api/v1/conflicts", allowed: [.unitU, .unitV, .expertU] + program),
            Route(
                method: .post, path: "/api/v1/conflicts", body: #"{"enterprise_id": \#(i["b"]!), "kind": "equity"}"#,
                allowed: [.expertU] + program),
            Route(method: .delete, path: "/api/v1/conflicts/\(i["conflict"]!)", allowed: program, destructive: true),
            Route(method: .get, path: "/api/v1/audit", allowed: program),
            // Batches, review, publication, dispatch
            Route(method: .get, path: "/api/v1/batches", allowed: program),
            Route(
                method: .post, path: "/api/v1/batches",
                body: #"{"name": "批次", "settings": {"as_of": "2026-12-01"}}"#, allowed: program),
            Route(method: .get, path: "/api/v1/batches/\(i["batch"]!)", allowed: program),
            Route(
                method: .post, path: "/api/v1/batches/\(i["fresh"]!)/run", allowed: program,
                watch: batchRow(i["fresh"]!)),
            Route(
                method: .post, path: "/api/v1/batches/\(i["batch"]!)/finalize", allowed: program,
                watch: batchRow(i["batch"]!)),
            Route(method: .get, path: "/api/v1/batches/\(i["batch"]!)/proposals", allowed: program),
            Route(
                method: .get, path: "/api/v1/batches/\(i["batch"]!)/needs/\(i["bneed"]!)/alternates", allowed: program),
            Route(method: .get, path: "/api/v1/batches/\(i["batch"]!)/objections", allowed: program),
            Route(method: .get, path: "/api/v1/proposals", allowed: all),
            Route(
                method: .post, path: "/api/v1/proposals/\(i["proposal2"]!)/reject", body: #"{"reason": "不符"}"#,
                allowed: program, watch: proposalRow(i["proposal2"]!)),
            Route(
                method: .post, path: "/api/v1/proposals/\(i["proposal"]!)/confirm", allowed: [.entA],
                watch: proposalRow(i["proposal"]!)),
            Route(
                method: .get, path: "/api/v1/proposals/\(i["proposal"]!)/swap?expert_id=\(i["bexpert"]!)",
                allowed: program),
            Route(
                method: .post, path: "/api/v1/proposals/\(i["proposal"]!)/swap",
                body: #"{"expert_id": \#(i["bexpert"]!)}"#,
                allowed: program, watch: proposalRow(i["proposal"]!)),
            Route(
                method: .post, path: "/api/v1/proposals/\(i["proposal"]!)/objections",
                body: #"{"real_name": "李四", "body": "该推荐存在需要核实的利益关系。"}"#, allowed: all),
            Route(
                method: .post, path: "/api/v1/objections/\(i["objection"]!)/dismiss", body: #"{"resolution": "已核实无误"}"#,
                allowed: program, watch: "SELECT to_jsonb(o)::text FROM objection o WHERE id = \(i["objection"]!)"),
            Route(method: .get, path: "/api/v1/publications/\(i["batch"]!)", allowed: Actor.allCases),
            Route(method: .get, path: "/api/v1/assignments", allowed: all),
            Route(
                method: .post, path: "/api/v1/assignments/\(i["assignment"]!)/outcomes", body: Self.outcomeBody,
                allowed: [.entA]),
            Route(
                method: .post, path: "/api/v1/outcomes/\(i["outcome"]!)/verify", allowed: program,
                watch: "SELECT to_jsonb(o)::text FROM outcome o WHERE id = \(i["outcome"]!)"),
            Route(
                method: .post, path: "/api/v1/assignments/\(i["assignment"]!)/service-logs",
                body: #"{"served_on": "2026-11-20", "days": 1, "work": "驻企指导"}"#, allowed: program),
            Route(method: .get, path: "/api/v1/service-logs/status", allowed: all),
            Route(method: .get, path: "/api/v1/reports/needs", allowed: program),
            Route(method: .get, path: "/api/v1/reports/talent-gap?format=csv", allowed: program),
            Route(
                method: .put, path: "/api/v1/assignments/\(i["assignment"]!)/agreement",
                body: #"{"reference": "协议-001", "signed_on": "2026-11-20"}"#, allowed: program,
                watch: "SELECT to_jsonb(a)::text FROM assignment a WHERE id = \(i["assignment"]!)"),
            Route(
                method: .post, path: "/api/v1/assignments/\(i["assignment"]!)/assessments",
                body: #"{"period": "2027", "grade": "good"}"#, allowed: program),
            Route(method: .get, path: "/api/v1/assignments/\(i["assignment"]!)/renewal", allowed: program),
            Route(
                method: .post, path: "/api/v1/assignments/\(i["assignment"]!)/renew", allowed: program,
                destructive: true),
            Route(
                method: .get, path: "/api/v1/reports/headline?group_by=unit",
                allowed: [.entA, .entB, .unitU, .unitV, .staff, .admin]),
            Route(
                method: .post, path: "/api/v1/assignments",
                body:
                    #"{"need_id": \#(i["bneed"]!), "expert_id": \#(i["bexpert"]!), "term_start": "2027-01-01", "term_end": "2029-01-01"}"#,
                allowed: program),
            Route(method: .get, path: "/api/v1/auth/me", allowed: all),
            Route(method: .get, path: "/api/v1/imports/experts/template", allowed: all),
            Route(
                method: .post, path: "/api/v1/imports/experts?mode=check", body: "姓名\n",
                allowed: [.unitU, .unitV] + program),
            Route(
                method: .post, path: "/api/v1/imports/needs?mode=check", body: "企业名称\n",
                allowed: [.entA, .entB] + program),
            // Pages
            Route(method: .get, path: "/enterprise/needs", allowed: [.entA, .entB]),
            Route(method: .get, path: "/enterprise/needs/new", allowed: [.entA, .entB]),
            Route(method: .get, path: "/enterprise/profile", allowed: [.entA, .entB]),
            Route(method: .get, path: "/enterprise/needs/\(i["draft"]!)/edit", allowed: [.entA]),
            Route(
                method: .post, path: "/enterprise/needs/\(i["draft"]!)",
                body: "title=x&description=y&tracks=equipment&experts_needed=1",
                allowed: [.entA], watch: needRow(i["draft"]!)),
            Route(
                method: .post, path: "/enterprise/needs/\(i["open"]!)/withdraw", body: "", allowed: [.entA],
                watch: needRow(i["open"]!)),
            Route(method: .get, path: "/unit/experts", allowed: [.unitU, .unitV]),
            Route(method: .get, path: "/unit/experts/new", allowed: [.unitU, .unitV]),
            Route(method: .get, path: "/unit/profile", allowed: [.unitU, .unitV]),
            Route(method: .get, path: "/unit/experts/\(i["eu"]!)/edit", allowed: [.unitU]),
            Route(
                method: .post, path: "/unit/experts/\(i["ev"]!)/approve", body: "", allowed: [.unitV],
                watch: expertRow(i["ev"]!)),
            Route(method: .get, path: "/expert/profile", allowed: [.expertU]),
            Route(method: .get, path: "/staff/needs", allowed: program),
            Route(method: .get, path: "/staff/organizations", allowed: program),
            Route(method: .get, path: "/staff/experts", allowed: program),
            Route(method: .get, path: "/staff/audit?entity=need", allowed: program),
            Route(method: .get, path: "/staff/batches", allowed: program),
            Route(method: .get, path: "/staff/batches/\(i["batch"]!)", allowed: program),
            Route(method: .get, path: "/staff/batches/\(i["batch"]!)/needs/\(i["bneed"]!)", allowed: program),
            Route(
                method: .post, path: "/staff/batches/\(i["fresh"]!)/cancel", body: "reason=x", allowed: program,
                watch: batchRow(i["fresh"]!), destructive: true),
            Route(
                method: .post, path: "/staff/proposals/\(i["proposal2"]!)/lock", body: "", allowed: program,
                watch: proposalRow(i["proposal2"]!)),
            Route(
                method: .post, path: "/staff/objections/\(i["objection"]!)/uphold", body: "resolution=",
                allowed: program,
                watch: "SELECT to_jsonb(o)::text FROM objection o WHERE id = \(i["objection"]!)"),
            Route(method: .get, path: "/proposals", allowed: [.entA, .entB, .expertU]),
            Route(
                method: .post, path: "/proposals/\(i["proposal"]!)/confirm", body: "", allowed: [.entA],
                watch: proposalRow(i["proposal"]!)),
            Route(method: .get, path: "/publications/\(i["batch"]!)", allowed: Actor.allCases),
            Route(
                method: .post, path: "/staff/needs/\(i["submitted"]!)/return", body: "reason=", allowed: program,
                watch: needRow(i["submitted"]!)),
            Route(
                method: .post, path: "/staff/experts/\(i["ev"]!)/screen", body: "", allowed: program,
                watch: expertRow(i["ev"]!)),
            Route(
                method: .post, path: "/staff/organizations/\(i["pending"]!)/reject", body: "reason=", allowed: program,
                watch: orgRow(i["pending"]!)),
        ]
    }

    @Test("denied callers get 401/403/404 and change nothing; allowed callers get through")
    func matrix() async throws {
        let (app, pool, accounts, tokens, base) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let w = try await Self.world(pool, accounts, base, tokens)
        let routes = Self.routes(w)
        try await app.test(.router) { client in
            for route in routes {
                let before = try await Self.snapshot(pool, route.watch)
                let denied = Actor.allCases.filter { !route.allowed.contains($0) }
                for actor in denied {
                    let (status, location) = try await Self.send(client, route, actor, w)
                    if actor == .anonymous {
                        if route.page {
                            #expect(
                                status == .seeOther && location?.hasPrefix("/login") == true,
                                "\(route.method) \(route.path) anonymous → \(status)")
                        } else {
                            #expect(status == .unauthorized, "\(route.method) \(route.path) anonymous → \(status)")
                        }
                    } else {
                        #expect(
                            [.forbidden, .notFound].contains(status),
                            "\(route.method) \(route.path) as \(actor) → \(status)")
                    }
                }
                #expect(
                    try await Self.snapshot(pool, route.watch) == before,
                    "\(route.method) \(route.path) changed data for a denied caller")
                let allowed = route.allowed.sorted(by: { $0.rawValue < $1.rawValue })
                for actor in route.destructive ? Array(allowed.prefix(1)) : allowed {
                    let (status, _) = try await Self.send(client, route, actor, w)
                    #expect(
                        ![.unauthorized, .forbidden, .notFound].contains(status) && status.code < 500,
                        "\(route.method) \(route.path) as \(actor) → \(status)")
                }
            }
        }
    }

    @Test("the matrix covers every documented API operation that needs a login")
    func coverage() async throws {
        let (app, pool, accounts, tokens, base) = try await ExpertAPITests.world()
        defer { Task { await pool.close() } }
        let routes = Self.routes(try await Self.world(pool, accounts, base, tokens))
        let public_: Set<String> = [
            "GET /healthz", "GET /readyz", "POST /api/v1/auth/login", "POST /api/v1/registrations/enterprise",
            "POST /api/v1/registrations/unit", "POST /api/v1/auth/logout",
        ]
        let document = try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { String(buffer: $0.body) }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        var missing: [String] = []
        for (template, methods) in paths {
            for method in methods.keys {
                let key = "\(method.uppercased()) \(template)"
                if public_.contains(key) { continue }
                let covered = routes.contains { r in
                    r.method.rawValue == method.uppercased() && Self.matches(template, r.path)
                }
                if !covered { missing.append(key) }
            }
        }
        #expect(missing.isEmpty, "not in the matrix: \(missing.sorted())")
    }

    static func matches(_ template: String, _ path: String) -> Bool {
        let t = template.split(separator: "/")
        let p = path.split(separator: "?")[0].split(separator: "/")
        guard t.count == p.count else { return false }
        return zip(t, p).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    static func snapshot(_ pool: PGPool, _ sql: String?) async throws -> String? {
        guard let sql else { return nil }
        return try await pool.query(PGQuery(unsafeSQL: sql)).scalar(String.self)
    }

    static func send(_ client: some TestClientProtocol, _ route: Route, _ actor: Actor, _ w: World) async throws
        -> (HTTPResponse.Status, String?)
    {
        var headers = HTTPFields()
        var body = route.body
        if route.page {
            headers[.contentType] = "application/x-www-form-urlencoded"
            if let s = w.sessions[actor] {
                headers[.cookie] = "kczy_session=\(s.secret)"
                if route.method == .post { body = (body.map { $0.isEmpty ? "" : $0 + "&" } ?? "") + "_csrf=\(s.csrf)" }
            }
        } else {
            headers[.contentType] =
                route.path.contains("/imports/") && route.method == .post ? "text/csv" : "application/json"
            if let t = w.api[actor] { headers[.authorization] = "Bearer \(t)" }
        }
        return try await client.execute(
            uri: route.path, method: route.method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { ($0.status, $0.headers[.location]) }
    }
}
