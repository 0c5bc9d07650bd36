import Domain
import Foundation
import LibPQ
import Storage
import TestSupport
import Testing

@Suite("Reports: headline figures on a constructed data set equal hand-computed values")
struct ReportTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8).base64EncodedString()

    struct World {
        var pool: PGPool
        var units: [Int]
        var enterprises: [Int]
        var staff: Identity
    }

    static func world() async throws -> World {
        let pool = try await TestDatabase.makeMigrated(prefix: "reports")
        func one(_ sql: String) async throws -> Int {
            do { return try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self) } catch let e as PGError {
                Issue.record("\(e.debugDescription): \(sql)")
                throw e
            }
        }
        func org(_ kind: String, _ name: String, _ serial: Int, _ region: String) async throws -> Int {
            let uscc = try USCC.make(divisionCode: "220104", serial: serial).value
            return try await one(
                "INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, status) VALUES ('\(kind)', '\(name)', 'uscc', '\(uscc)', '\(region)', 'approved') RETURNING id"
            )
        }
        let u1 = try await org("university", "甲大学", 1, "220100")
        let u2 = try await org("institute", "乙研究所", 2, "220200")
        let e1 = try await org("enterprise", "长春甲公司", 3, "220100")
        let e2 = try await org("enterprise", "吉林乙公司", 4, "220200")
        let staffID = try await one(
            "INSERT INTO account (username, role, password_hash) VALUES ('report-staff', 'staff', 'x') RETURNING id")
        let staff = Identity(
            accountID: staffID, username: "s", displayName: "s", role: .staff, organizationID: nil, expertID: nil)
        return World(pool: pool, units: [u1, u2], enterprises: [e1, e2], staff: staff)
    }

    @Test("renewed commissioners count once, unverified and rejected outcomes never count, tenants see their own")
    func headline() async throws {
        let w = try await Self.world()
        let pool = w.pool
        defer { Task { await pool.close() } }
        func one(_ sql: String) async throws -> Int { try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self) }
        let (u1, u2) = (w.units[0], w.units[1])
        let (e1, e2) = (w.enterprises[0], w.enterprises[1])
        func expert(_ name: String, _ unit: Int) async throws -> Int {
            try await one(
                "INSERT INTO expert (unit_id, name, phone, capacity) VALUES (\(unit), '专家\(name)', '13912345678', 2) RETURNING id"
            )
        }
        let x = try await expert("X", u1)
        let y = try await expert("Y", u1)
        let z = try await expert("Z", u2)
        func need(_ enterprise: Int, _ track: String) async throws -> Int {
            try await one(
                "INSERT INTO need (enterprise_id, title, description, tracks, status) VALUES (\(enterprise), '企业技术需求', '描述', '{\(track)}', 'dispatched') RETURNING id"
            )
        }
        let n1 = try await need(e1, "new_materials")
        let n2 = try await need(e1, "equipment")
        let n3 = try await need(e2, "new_energy")
        func assign(
            _ need: Int, _ expert: Int, _ enterprise: Int, _ start: String, status: String = "active",
            renews: Int? = nil
        )
            async throws -> Int
        {
            try await one(
                """
                INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end, status, renews_assignment_id)
                VALUES (\(need), \(expert), \(enterprise), '\(start)', '\(start)'::date + 730, '\(status)', \(renews.map(String.init) ?? "NULL"))
                RETURNING id
                """)
        }
        let xFirst = try await assign(n1, x, e1, "2023-01-01", status: "renewed")
        let xRenewed = try await assign(n1, x, e1, "2025-01-01", renews: xFirst)
        let yA = try await assign(n2, y, e1, "2024-01-01")
        let zA = try await assign(n3, z, e2, "2024-01-01")

        let outcomes = OutcomeStore(pool: pool)
        let xIdentity = Identity(
            accountID: w.staff.accountID, username: "x", displayName: "x", role: .expert, organizationID: nil,
            expertID: x)
        let yIdentity = Identity(
            accountID: w.staff.accountID, username: "y", displayName: "y", role: .expert, organizationID: nil,
            expertID: y)
        let e2Identity = Identity(
            accountID: w.staff.accountID, username: "e", displayName: "e", role: .enterprise, organizationID: e2,
            expertID: nil)
        let today = LocalDate("2026-11-29")!
        func report(_ json: String, _ assignment: Int, _ who: Identity) async throws -> Int {
            let body =
                #"{"achieved_on": "2025-06-01", "evidence": {"filename": "证明.pdf", "content_type": "application/pdf", "data": "\#(Self.pdf)"}, "#
                + json + "}"
            let r = try JSONDecoder().decode(OutcomeReport.self, from: Data(body.utf8))
            return try await outcomes.report(r, assignment: assignment, by: who, audit: .system, today: today).id
        }
        var verified: [Int] = []
        verified.append(try await report(#""kind": "project", "title": "联合申报省重点研发项目""#, xRenewed, xIdentity))
        verified.append(try await report(#""kind": "standard", "title": "企业标准一项""#, xRenewed, xIdentity))
        verified.append(
            try await report(#""kind": "staff_trained", "title": "培养骨干", "trained_count": 5"#, xRenewed, xIdentity))
        verified.append(
            try await report(
                #""kind": "contract", "title": "技术开发合同", "contract_type": "development", "contract_value": 100000, "amount_received": 40000"#,
                xRenewed, xIdentity))
        _ = try await report(#""kind": "new_product", "title": "未核实的新产品""#, xRenewed, xIdentity)
        verified.append(try await report(#""kind": "project", "title": "横向项目""#, yA, yIdentity))
        let rejected = try await report(#""kind": "project", "title": "重复填报的项目""#, yA, yIdentity)
        verified.append(try await report(#""kind": "platform", "title": "联合实验室""#, yA, yIdentity))
        verified.append(try await report(#""kind": "achievement_transfer", "title": "成果转让""#, zA, e2Identity))
        verified.append(
            try await report(#""kind": "staff_trained", "title": "培训", "trained_count": 3"#, zA, e2Identity))
        verified.append(
            try await report(#""kind": "patent", "title": "发明专利", "patent_number": "ZL2025X""#, zA, e2Identity))
        for id in verified { _ = try await outcomes.review(id, verify: true, reason: nil, by: w.staff, audit: .system) }
        _ = try await outcomes.review(rejected, verify: false, reason: "与横向项目重复", by: w.staff, audit: .system)

        let reports = ReportStore(pool: pool)
        let total = try #require(try await reports.headline(by: .total, for: w.staff).first)
        #expect(total.commissioners == 3)  // X once, although dispatched twice
        #expect(total.projects == 2)  // the rejected duplicate does not count
        #expect(total.achievementTransfers == 1)
        #expect(total.standards == 1)
        #expect(total.newProducts == 0)  // reported but not verified
        #expect(total.platforms == 1)
        #expect(total.staffTrained == 8)
        #expect(total.contracts == 1 && total.contractValue == 100_000 && total.amountReceived == 40_000)
        #expect(total.patents == 1)

        let byUnit = try await reports.headline(by: .unit, for: w.staff)
        #expect(byUnit.map(\.group) == ["乙研究所", "甲大学"])
        let jia = try #require(byUnit.first { $0.group == "甲大学" })
        #expect(jia.commissioners == 2 && jia.projects == 2 && jia.staffTrained == 5 && jia.patents == 0)
        let byYear = try await reports.headline(by: .year, for: w.staff)
        // Dispatches by term start (2023: X, 2024: Y and Z, 2025: X again); outcomes by when they were achieved.
        #expect(byYear.first { $0.group == "2024" }?.commissioners == 2)
        #expect(byYear.first { $0.group == "2025" }?.projects == 2)
        let byRegion = try await reports.headline(by: .region, for: w.staff)
        #expect(byRegion.first { $0.group == "吉林市" }?.patents == 1)

        // Tenants: a unit admin sees only their unit; an enterprise only itself; experts no reports.
        let unitAdmin = Identity(
            accountID: w.staff.accountID, username: "u", displayName: "u", role: .unitAdmin, organizationID: u2,
            expertID: nil)
        let own = try await reports.headline(by: .total, for: unitAdmin)
        #expect(own.first?.commissioners == 1 && own.first?.projects == 0 && own.first?.patents == 1)
        let enterprise = try await reports.headline(by: .unit, for: e2Identity)
        #expect(enterprise.map(\.group) == ["乙研究所"])
        await #expect(throws: StorageError.self) { try await reports.headline(by: .total, for: xIdentity) }
        // Every grouping adds up to the total for every tenant: each verified outcome lands in exactly one group,
        // once, and no group appears twice.
        for who in [w.staff, unitAdmin, e2Identity] {
            let t = try #require(try await reports.headline(by: .total, for: who).first)
            for g in ReportStore.Grouping.allCases {
                let rows = try await reports.headline(by: g, for: who)
                #expect(Set(rows.map(\.group)).count == rows.count, "\(g)")
                #expect(rows.map(\.projects).reduce(0, +) == t.projects, "\(g) projects")
                #expect(rows.map(\.standards).reduce(0, +) == t.standards, "\(g) standards")
                #expect(rows.map(\.staffTrained).reduce(0, +) == t.staffTrained, "\(g) trained")
                #expect(rows.map(\.contractValue).reduce(0, +) == t.contractValue, "\(g) contract value")
                #expect(rows.map(\.patents).reduce(0, +) == t.patents, "\(g) patents")
                #expect(rows.map(\.commissioners).reduce(0, +) >= t.commissioners, "\(g) people")
            }
        }

        // The CSV opens in Excel with the Chinese intact: UTF-8 with a BOM, CRLF.
        let csv = ReportStore.csv(byUnit, groupLabel: "派出单位")
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("派出单位,选派科创专员（人）,创新项目"))
        #expect(text.contains("\r\n甲大学,2,2,0,1,0,1,5,1,100000.00,40000.00,0\r\n"))
    }

    @Test("evidence is checked before anything is written, and an outcome is never stored without it")
    func evidence() async throws {
        let w = try await Self.world()
        let pool = w.pool
        defer { Task { await pool.close() } }
        func one(_ sql: String) async throws -> Int { try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self) }
        let x = try await one(
            "INSERT INTO expert (unit_id, name, phone) VALUES (\(w.units[0]), '专家X', '13912345678') RETURNING id")
        let n = try await one(
            "INSERT INTO need (enterprise_id, title, description) VALUES (\(w.enterprises[0]), '企业技术需求', '描述') RETURNING id"
        )
        let a = try await one(
            "INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end) VALUES (\(n), \(x), \(w.enterprises[0]), '2025-01-01', '2027-01-01') RETURNING id"
        )
        let who = Identity(
            accountID: w.staff.accountID, username: "x", displayName: "x", role: .expert, organizationID: nil,
            expertID: x)
        let store = OutcomeStore(pool: pool)
        func attempt(_ type: String, _ data: String, kind: String = "project") async throws -> [String] {
            let body =
                #"{"kind": "\#(kind)", "title": "成果", "achieved_on": "2025-06-01", "evidence": {"filename": "a", "content_type": "\#(type)", "data": "\#(data)"}}"#
            do {
                _ = try await store.report(
                    try JSONDecoder().decode(OutcomeReport.self, from: Data(body.utf8)), assignment: a, by: who,
                    audit: .system,
                    today: LocalDate("2026-11-29")!)
                return []
            } catch let e as ValidationError {
                return e.fields
            }
        }
        #expect(try await attempt("application/x-msdownload", Self.pdf) == ["evidence.content_type"])
        #expect(try await attempt("image/png", Self.pdf) == ["evidence.data"])  // a PDF renamed to PNG
        let big = Data(repeating: 0x25, count: OutcomeStore.maxEvidenceBytes + 1).base64EncodedString()
        #expect(try await attempt("application/pdf", big).contains("evidence.data"))
        #expect(try await attempt("application/pdf", Self.pdf, kind: "staff_trained") == ["trained_count"])
        #expect(try await one("SELECT count(*) FROM outcome") == 0)
        #expect(try await attempt("application/pdf", Self.pdf).isEmpty)
        let row = try await pool.query(
            "SELECT o.id, e.sha256, e.size_bytes FROM outcome o JOIN outcome_evidence e ON e.outcome_id = o.id")
        #expect(row.count == 1)
        // Someone else's dispatch: refused, nothing written.
        let other = Identity(
            accountID: w.staff.accountID, username: "o", displayName: "o", role: .expert, organizationID: nil,
            expertID: x + 100)
        let body =
            #"{"kind": "project", "title": "成果", "achieved_on": "2025-06-01", "evidence": {"filename": "a", "content_type": "application/pdf", "data": "\#(Self.pdf)"}}"#
        await #expect(throws: StorageError.self) {
            try await store.report(
                try JSONDecoder().decode(OutcomeReport.self, from: Data(body.utf8)), assignment: a, by: other,
                audit: .system,
                today: LocalDate("2026-11-29")!)
        }
        #expect(try await one("SELECT count(*) FROM outcome") == 1)
        #expect(try await one("SELECT count(*) FROM outcome_evidence") == 1)
    }
}
