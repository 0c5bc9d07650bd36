import Domain
import Foundation
import LibPQ
import Storage
import TestSupport
import Testing

@Suite("Reports: program composition on a constructed data set equals hand-computed values")
struct CompositionReportTests {
    @Test("PhD share, age bands at first dispatch, in/out of province, university/institute; people counted once")
    func composition() async throws {
        let w = try await ReportTests.world()
        let pool = w.pool
        defer { Task { await pool.close() } }
        func one(_ sql: String) async throws -> Int { try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self) }
        let (u1, u2) = (w.units[0], w.units[1])
        let (e1, e2) = (w.enterprises[0], w.enterprises[1])
        let outside = try await pool.query("SELECT code FROM region WHERE left(code, 2) <> '22' ORDER BY code LIMIT 1")
            .scalar(String.self)
        let u3 = try await one(
            "INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, status) VALUES ('institute', '省外研究院', 'other', 'X-1', '\(outside)', 'approved') RETURNING id"
        )
        func expert(_ name: String, _ unit: Int, _ degree: String?, _ born: Int?) async throws -> Int {
            try await one(
                """
                INSERT INTO expert (unit_id, name, degree, birth_year, capacity)
                VALUES (\(unit), '专家\(name)', \(degree.map { "'\($0)'" } ?? "NULL"), \(born.map(String.init) ?? "NULL"), 2)
                RETURNING id
                """)
        }
        let x = try await expert("X", u1, "phd", 1990)  // first dispatched 2023 at 33, renewed 2025 at 35
        let y = try await expert("Y", u1, "master", 1975)  // 2024: 49
        let z = try await expert("Z", u2, "phd", 1960)  // 2024: 64
        let v = try await expert("V", u3, nil, nil)  // 2025: unknown degree and age, out of province
        _ = try await expert("N", u2, "phd", 1980)  // never dispatched: not counted
        let need = try await one(
            "INSERT INTO need (enterprise_id, title, description, status) VALUES (\(e1), '企业技术需求', '描述', 'dispatched') RETURNING id"
        )
        func assign(_ expert: Int, _ enterprise: Int, _ start: String, renews: Int? = nil) async throws -> Int {
            try await one(
                """
                INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end, status, renews_assignment_id)
                VALUES (\(need), \(expert), \(enterprise), '\(start)', '\(start)'::date + 730,
                        \(renews == nil ? "'renewed'" : "'active'"), \(renews.map(String.init) ?? "NULL"))
                RETURNING id
                """)
        }
        let first = try await assign(x, e1, "2023-03-01")
        _ = try await assign(x, e1, "2025-03-01", renews: first)
        _ = try await assign(y, e1, "2024-01-01")
        _ = try await assign(z, e2, "2024-01-01")
        _ = try await assign(v, e2, "2025-01-01")

        let reports = ReportStore(pool: pool)
        func people(_ rows: [CompositionRow]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: rows.map { ("\($0.dimension)/\($0.category)", $0.people) })
        }
        let all = try await reports.composition(for: w.staff)
        let p = people(all)
        #expect(
            p["degree/phd"] == 2 && p["degree/master"] == 1 && p["degree/bachelor"] == 0 && p["degree/unknown"] == 1)
        #expect(p["age/le35"] == 1 && p["age/36_45"] == 0 && p["age/46_55"] == 1 && p["age/gt55"] == 1)
        #expect(p["age/unknown"] == 1)
        #expect(p["origin/in"] == 3 && p["origin/out"] == 1)
        #expect(p["unit_kind/university"] == 2 && p["unit_kind/institute"] == 2 && p["unit_kind/rnd_institution"] == 0)
        let phd = try #require(all.first { $0.dimension == "degree" && $0.category == "phd" })
        #expect(phd.share == 0.5 && phd.label == "博士")
        // Every dimension adds up to the same four people.
        for d in ReportStore.compositionDimensions {
            #expect(all.filter { $0.dimension == d.code }.reduce(0) { $0 + $1.people } == 4)
        }

        let unit = Identity(
            accountID: w.staff.accountID, username: "u", displayName: "u", role: .unitAdmin, organizationID: u1,
            expertID: nil)
        let mine = people(try await reports.composition(for: unit))
        #expect(mine["degree/phd"] == 1 && mine["degree/master"] == 1 && mine["origin/out"] == 0)
        let enterprise = Identity(
            accountID: w.staff.accountID, username: "e", displayName: "e", role: .enterprise, organizationID: e2,
            expertID: nil)
        let theirs = people(try await reports.composition(for: enterprise))
        #expect(theirs["degree/phd"] == 1 && theirs["degree/unknown"] == 1 && theirs["origin/out"] == 1)
        #expect(theirs["unit_kind/university"] == 0)
        let commissioner = Identity(
            accountID: w.staff.accountID, username: "x", displayName: "x", role: .expert, organizationID: nil,
            expertID: x)
        await #expect(throws: StorageError.self) { _ = try await reports.composition(for: commissioner) }
    }
}
