import LibPQ
import TestSupport
import Testing

@Suite("SQLSTATE and constraint details reach the caller")
struct ErrorMappingTests {
    @Test("unique, foreign-key and check violations carry their SQLSTATE and constraint")
    func constraintViolations() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "errors")
        defer { Task { await pool.close() } }
        try await pool.withConnection { c in
            try c.simpleQuery(
                """
                CREATE TABLE org (id int PRIMARY KEY, uscc text CONSTRAINT org_uscc_key UNIQUE);
                CREATE TABLE need (id int PRIMARY KEY, org_id int CONSTRAINT need_org_fk REFERENCES org (id),
                                   budget numeric CONSTRAINT need_budget_check CHECK (budget >= 0));
                INSERT INTO org VALUES (1, '91220101MA0000000X');
                """)
        }
        func failure(_ q: PGQuery) async -> PGError? {
            do {
                try await pool.execute(q)
                return nil
            } catch let e as PGError {
                return e
            } catch {
                return nil
            }
        }
        let unique = await failure("INSERT INTO org VALUES (2, \("91220101MA0000000X"))")
        #expect(unique?.sqlState == PGError.State.uniqueViolation)
        #expect(unique?.constraint == "org_uscc_key")
        #expect(unique?.table == "org")
        let fk = await failure("INSERT INTO need VALUES (1, \(99), 0)")
        #expect(fk?.sqlState == PGError.State.foreignKeyViolation)
        #expect(fk?.constraint == "need_org_fk")
        #expect(fk?.detail?.contains("99") == true)
        let check = await failure("INSERT INTO need VALUES (2, \(1), \(-5))")
        #expect(check?.sqlState == PGError.State.checkViolation)
        #expect(check?.constraint == "need_budget_check")
        let syntax = await failure("SELEC 1")
        #expect(syntax?.sqlState == "42601")
        #expect(syntax?.kind == .server)
    }

    @Test("description is redacted, debugDescription is complete")
    func redaction() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "errors")
        defer { Task { await pool.close() } }
        let secret = "身份证 220102199001011234"
        do {
            try await pool.execute("SELECT \(secret)::int")
            Issue.record("expected an error")
        } catch let e as PGError {
            #expect(e.sqlState == "22P02")
            #expect(!e.description.contains("220102"))
            #expect(e.debugDescription.contains("220102"))
        }
    }
}
