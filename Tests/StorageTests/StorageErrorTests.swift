import Domain
import LibPQ
import Storage
import TestSupport
import Testing

@Suite("Constraint violations become field errors; writes are audited")
struct StorageErrorTests {
    static func insertEnterprise(_ c: PGConnection, uscc: String, name: String = "长春测试光电科技有限公司") throws -> Int {
        try c.query(
            """
            INSERT INTO organization (kind, name, identifier_kind, identifier, region_code)
            VALUES ('enterprise', \(name), 'uscc', \(uscc), '220100') RETURNING id
            """
        ).scalar(Int.self)
    }

    @Test("unique, foreign-key and check violations name the field")
    func mapping() async throws {
        let pool = try await TestDatabase.makeMigrated(prefix: "storage")
        defer { Task { await pool.close() } }
        let uscc = try USCC.make(divisionCode: "220102", serial: 1).value
        _ = try await pool.withConnection { try Self.insertEnterprise($0, uscc: uscc) }
        func violation(_ body: @escaping @Sendable (PGConnection) throws -> Void) async -> ValidationError? {
            do {
                try await pool.withConnection(body)
                return nil
            } catch let e as PGError {
                return e.domainError as? ValidationError
            } catch {
                return nil
            }
        }
        let dup = await violation { _ = try Self.insertEnterprise($0, uscc: uscc, name: "另一家企业") }
        #expect(dup?.errors.first?.field == "identifier")
        #expect(dup?.errors.first?.code == "duplicate")
        let fk = await violation {
            try $0.execute("INSERT INTO need (enterprise_id, title) VALUES (\(999_999), \("测试需求标题"))")
        }
        #expect(fk?.errors.first?.field == "enterprise_id")
        #expect(fk?.errors.first?.code == "unknown_reference")
        let check = await violation {
            try $0.execute(
                "INSERT INTO expert (unit_id, name, capacity) SELECT id, \("张三"), \(0) FROM organization LIMIT 1")
        }
        #expect(check?.errors.first?.field == "capacity")
        // An out-of-province enterprise is refused by the schema itself, whatever the code above it does.
        let outside = await violation {
            try $0.execute(
                "INSERT INTO organization (kind, name, identifier_kind, identifier, region_code) VALUES ('enterprise', \("广州某公司"), 'uscc', \(try USCC.make(divisionCode: "440103", serial: 2).value), '440100')"
            )
        }
        #expect(outside?.errors.first?.code == "invalid")
    }

    @Test("every write is in the audit log with actor, before and after, and without password hashes")
    func audit() async throws {
        let pool = try await TestDatabase.makeMigrated(prefix: "storage")
        defer { Task { await pool.close() } }
        let uscc = try USCC.make(divisionCode: "220102", serial: 3).value
        let id = try await pool.withTransaction { c in
            try c.setAudit(AuditContext(actorID: 42, requestID: "req-1"))
            let id = try Self.insertEnterprise(c, uscc: uscc)
            try c.execute("UPDATE organization SET name = \("长春改名光电科技有限公司") WHERE id = \(id)")
            try c.execute(
                "INSERT INTO account (username, role, organization_id, password_hash) VALUES ('ent1', 'enterprise', \(id), 'secret-hash')"
            )
            return id
        }
        let rows = try await pool.query(
            "SELECT action, actor_id, request_id, before->>'name', after->>'name' FROM audit_log WHERE entity = 'organization' AND entity_id = \(String(id)) ORDER BY id"
        )
        #expect(rows.count == 2)
        #expect(try rows[0].decode(0, as: String.self) == "INSERT")
        #expect(try rows[0].decode(1, as: Int?.self) == 42)
        #expect(try rows[0].decode(2, as: String?.self) == "req-1")
        #expect(try rows[1].decode(3, as: String?.self) == "长春测试光电科技有限公司")
        #expect(try rows[1].decode(4, as: String?.self) == "长春改名光电科技有限公司")
        let leaked = try await pool.query(
            "SELECT count(*) FROM audit_log WHERE entity = 'account' AND (after ? 'password_hash' OR after::text LIKE '%secret-hash%')"
        ).scalar(Int.self)
        #expect(leaked == 0)
        // Without a context the actor is recorded as unknown (NULL), never as someone else.
        try await pool.execute("UPDATE organization SET summary = 'x' WHERE id = \(id)")
        let last = try await pool.query("SELECT actor_id FROM audit_log ORDER BY id DESC LIMIT 1").scalar(Int?.self)
        #expect(last == nil)
    }
}
