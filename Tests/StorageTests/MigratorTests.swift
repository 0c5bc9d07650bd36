import Foundation
import LibPQ
import Storage
import TestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    /// A scratch copy of some migration files, so tests can change them.
    static func scratch(_ files: [String: String]) throws -> String {
        let dir = TestDatabase.repositoryRoot + "/.data/tmp/mig-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, sql) in files { try sql.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test("the project's migrations apply once and seed the taxonomies")
    func projectMigrations() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "mig")
        defer { Task { await pool.close() } }
        let migrator = try Migrator(directory: TestDatabase.sqlDirectory)
        await #expect(throws: MigrationError.self) { try await migrator.requireCurrent(pool) }
        let applied = try await migrator.migrate(pool)
        #expect(applied == migrator.migrations.map(\.fileName))
        #expect(try await migrator.migrate(pool).isEmpty)
        try await migrator.requireCurrent(pool)
        // The checksum computed in Swift is PostgreSQL's own SHA-256 of the text (databases migrated earlier agree).
        for m in migrator.migrations {
            let pg = try await pool.query("SELECT encode(sha256(convert_to(\(m.sql), 'UTF8')), 'hex')").scalar(
                String.self)
            #expect(m.checksum == pg, "\(m.fileName)")
        }

        #expect(try await pool.query("SELECT count(*) FROM industry_track").scalar(Int.self) == 7)
        let cities = try await pool.query(
            "SELECT count(*) FROM region WHERE level = 'city' AND home_province"
        ).scalar(Int.self)
        #expect(cities == 9)
        #expect(try await pool.query("SELECT name_zh FROM region WHERE code = '220100'").scalar(String.self) == "长春市")
        #expect(try await pool.query("SELECT count(*) FROM discipline WHERE level = 1").scalar(Int.self) == 62)
        #expect(try await pool.query("SELECT name_zh FROM discipline WHERE code = '430'").scalar(String.self) == "材料科学")
        // Every track draws on disciplines that exist, and has second-level children for its main discipline.
        let orphans = try await pool.query(
            """
            SELECT count(*) FROM industry_track t
            WHERE NOT EXISTS (SELECT 1 FROM track_discipline td JOIN discipline d ON d.code = td.discipline_code
                              JOIN discipline c ON c.parent_code = d.code WHERE td.track_code = t.code)
            """
        ).scalar(Int.self)
        #expect(orphans == 0)
        let extensions = try await pool.query(
            "SELECT count(*) FROM pg_extension WHERE extname IN ('pg_trgm', 'btree_gist')"
        ).scalar(Int.self)
        #expect(extensions == 2)
    }

    @Test("a file changed after it was applied is refused, naming the file")
    func changedChecksum() async throws {
        let dir = try Self.scratch(["0001_a.sql": "CREATE TABLE a (x int);", "0002_b.sql": "CREATE TABLE b (x int);"])
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "mig")
        defer { Task { await pool.close() } }
        try await Migrator(directory: dir).migrate(pool)
        try "CREATE TABLE b (x int, y int);".write(toFile: dir + "/0002_b.sql", atomically: true, encoding: .utf8)
        let changed = try Migrator(directory: dir)
        await #expect(throws: MigrationError.checksumMismatch(file: "0002_b.sql")) { try await changed.migrate(pool) }
        await #expect(throws: MigrationError.checksumMismatch(file: "0002_b.sql")) { try await changed.status(pool) }
        #expect(MigrationError.checksumMismatch(file: "0002_b.sql").description.contains("0002_b.sql"))
    }

    @Test("a numbering gap, a duplicate number and a stray name are refused before touching the database")
    func numbering() throws {
        let gap = try Self.scratch(["0001_a.sql": "SELECT 1;", "0003_c.sql": "SELECT 1;"])
        #expect(throws: MigrationError.gap(expected: 2, found: "0003_c.sql")) { try Migrator(directory: gap) }
        #expect(MigrationError.gap(expected: 2, found: "0003_c.sql").description.contains("0003_c.sql"))
        let dup = try Self.scratch(["0001_a.sql": "SELECT 1;", "0001_b.sql": "SELECT 1;"])
        #expect(throws: MigrationError.self) { try Migrator(directory: dup) }
        let stray = try Self.scratch(["0001_a.sql": "SELECT 1;", "2_b.sql": "SELECT 1;"])
        #expect(throws: MigrationError.badFileName("2_b.sql")) { try Migrator(directory: stray) }
    }

    @Test("an applied migration missing from the files is reported")
    func unknownApplied() async throws {
        let dir = try Self.scratch(["0001_a.sql": "CREATE TABLE a (x int);", "0002_b.sql": "CREATE TABLE b (x int);"])
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "mig")
        defer { Task { await pool.close() } }
        try await Migrator(directory: dir).migrate(pool)
        try FileManager.default.removeItem(atPath: dir + "/0002_b.sql")
        await #expect(throws: MigrationError.unknownApplied(version: 2, name: "b")) {
            try await Migrator(directory: dir).migrate(pool)
        }
        // A newer release's migration (after every file here) is fine for serving, never for migrating.
        let ahead = try await Migrator(directory: dir).requireCurrent(pool, allowNewer: true)
        #expect(ahead.newer == ["0002_b"] && ahead.pending.isEmpty)
        await #expect(throws: MigrationError.self) { try await Migrator(directory: dir).requireCurrent(pool) }
    }

    @Test("a failing migration rolls back entirely and is not recorded")
    func failingMigration() async throws {
        let dir = try Self.scratch([
            "0001_a.sql": "CREATE TABLE a (x int);", "0002_b.sql": "CREATE TABLE b (x int); SELECT 1/0;",
        ])
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "mig")
        defer { Task { await pool.close() } }
        await #expect(throws: PGError.self) { try await Migrator(directory: dir).migrate(pool) }
        let status = try await Migrator(directory: dir).status(pool)
        #expect(status.applied == [1])
        #expect(status.pending == ["0002_b.sql"])
        #expect(try await pool.query("SELECT to_regclass('b') IS NULL").scalar(Bool.self))
    }

    @Test("two migrators racing on one database apply each file exactly once")
    func concurrentMigrators() async throws {
        var files: [String: String] = [:]
        for i in 1...6 {
            files[String(format: "%04d_step%d.sql", i, i)] =
                "SELECT pg_sleep(0.05); CREATE TABLE step\(i) (x int); INSERT INTO step\(i) VALUES (\(i));"
        }
        let dir = try Self.scratch(files)
        let (first, name) = try await TestDatabase.makeEmpty(prefix: "mig")
        let second = PGPool(.init(settings: TestDatabase.settings(database: name)))
        defer {
            Task {
                await first.close()
                await second.close()
            }
        }
        async let a = Migrator(directory: dir).migrate(first)
        async let b = Migrator(directory: dir).migrate(second)
        let (appliedA, appliedB) = try await (a, b)
        #expect((appliedA + appliedB).sorted() == files.keys.sorted())
        #expect(Set(appliedA).isDisjoint(with: appliedB))
        #expect(try await first.query("SELECT count(*) FROM schema_migrations").scalar(Int.self) == 6)
    }
}
