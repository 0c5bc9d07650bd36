import Auth
import DemoData
import Domain
import LibPQ
import TestSupport
import Testing

@testable import kczy

@Suite("Demo data loader")
struct DemoDataLoaderTests {
    @Test("the demo set loads completely, with relations, tenancy and hashed passwords intact")
    func load() async throws {
        let pool = try await TestDatabase.makeMigrated(prefix: "demo")
        defer { Task { await pool.close() } }
        let data = DemoDataSet.generate(seed: 2026, today: LocalDate("2026-11-29")!)
        let loader = DemoDataLoader(data: data, hasher: PasswordHasher(rounds: 1000))
        let counts = try await pool.withTransaction { try loader.load($0) }
        #expect(counts.organizations == data.units.count + data.enterprises.count)
        #expect(counts.experts == data.experts.count)
        #expect(counts.needs == data.needs.count)
        #expect(try await pool.query("SELECT count(*) FROM need").scalar(Int.self) == data.needs.count)
        #expect(try await pool.query("SELECT count(*) FROM conflict").scalar(Int.self) == data.conflicts.count)

        // Each preferred expert survived the id mapping.
        let preferred = try await pool.query("SELECT count(*) FROM need WHERE preferred_expert_id IS NOT NULL")
            .scalar(Int.self)
        #expect(preferred == data.needs.filter { $0.preferredExpertId != nil }.count)
        // Hong Kong and Macao units are stored without a USCC; every enterprise is in the province.
        let foreign = try await pool.query(
            "SELECT count(*) FROM organization WHERE identifier_kind IN ('hk_business_registration', 'macao_registration')"
        ).scalar(Int.self)
        #expect(foreign == 2)
        #expect(
            try await pool.query("SELECT count(*) FROM organization WHERE kind = 'enterprise' AND out_of_province")
                .scalar(Int.self) == 0)
        // Accounts: hashed, verifiable, and bound to their tenant.
        let staff = try await pool.query("SELECT password_hash FROM account WHERE username = 'staff'").scalar(
            String.self)
        #expect(PasswordHasher(rounds: 1000).verify("kczy-staff-2026", against: staff))
        #expect(!staff.contains("kczy-staff-2026"))
        let tenants = try await pool.query(
            "SELECT count(*) FROM account WHERE role IN ('enterprise', 'unit_admin') AND organization_id IS NOT NULL"
        ).scalar(Int.self)
        #expect(tenants == 2)
    }

    @Test("the same seed loads the same rows")
    func deterministic() async throws {
        func fingerprint() async throws -> String {
            let pool = try await TestDatabase.makeMigrated(prefix: "demo")
            defer { Task { await pool.close() } }
            let data = DemoDataSet.generate(seed: 7, today: LocalDate("2026-11-29")!)
            _ = try await pool.withTransaction {
                try DemoDataLoader(data: data, hasher: PasswordHasher(rounds: 10)).load($0)
            }
            return try await pool.query(
                "SELECT md5(string_agg(title || coalesce(budget::text, '') || enterprise_id, ',' ORDER BY id)) FROM need"
            ).scalar(String.self)
        }
        let a = try await fingerprint()
        let b = try await fingerprint()
        #expect(a == b)
    }
}
