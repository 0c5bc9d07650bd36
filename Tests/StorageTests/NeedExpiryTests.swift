import Domain
import Foundation
import LibPQ
import Storage
import TestSupport
import Testing

@Suite("Open needs expire after their validity period and can be renewed")
struct NeedExpiryTests {
    @Test("only open needs older than the period expire, each once, with a recorded transition")
    func expiry() async throws {
        let pool = try await TestDatabase.makeMigrated(prefix: "expiry")
        defer { Task { await pool.close() } }
        let uscc = try USCC.make(divisionCode: "220102", serial: 5).value
        let enterprise = try await pool.withConnection { try StorageErrorTests.insertEnterprise($0, uscc: uscc) }
        func need(_ status: String, createdDaysAgo: Int, openedDaysAgo: Int?) async throws -> Int {
            let id = try await pool.query(
                """
                INSERT INTO need (enterprise_id, title, description, status, created_at)
                VALUES (\(enterprise), \("需求\(status)\(createdDaysAgo)"), '描述', \(status),
                        now() - make_interval(days => \(createdDaysAgo)::int))
                RETURNING id
                """
            ).scalar(Int.self)
            if let openedDaysAgo {
                try await pool.execute(
                    """
                    INSERT INTO state_transition (entity, entity_id, from_status, to_status, at)
                    VALUES ('need', \(id), 'submitted', 'open', now() - make_interval(days => \(openedDaysAgo)::int))
                    """)
            }
            return id
        }
        let old = try await need("open", createdDaysAgo: 400, openedDaysAgo: nil)
        let reopened = try await need("open", createdDaysAgo: 400, openedDaysAgo: 10)  // renewed recently
        let young = try await need("open", createdDaysAgo: 30, openedDaysAgo: 30)
        let draft = try await need("draft", createdDaysAgo: 400, openedDaysAgo: nil)
        let today = WebToday.utc()
        let store = NeedStore(pool: pool)
        // Two processes racing: the old need expires exactly once.
        async let a = store.expireOverdue(validityDays: 365, today: today)
        async let b = store.expireOverdue(validityDays: 365, today: today)
        let expired = try await a + b
        #expect(expired == [old])
        let statuses = try await pool.query("SELECT id, status FROM need ORDER BY id").map {
            (try $0.decode(0, as: Int.self), try $0.decode(1, as: String.self))
        }
        #expect(statuses.map(\.1) == ["expired", "open", "open", "draft"])
        #expect(statuses.map(\.0) == [old, reopened, young, draft])
        let transitions = try await pool.query(
            "SELECT count(*) FROM state_transition WHERE entity_id = \(old) AND to_status = 'expired'"
        ).scalar(Int.self)
        #expect(transitions == 1)
        #expect(try await store.expireOverdue(validityDays: 365, today: today).isEmpty)
    }
}

enum WebToday {
    static func utc() -> LocalDate { LocalDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))) }
}
