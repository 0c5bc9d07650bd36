import Auth
import Batches
import DemoData
import Domain
import Foundation
import LibPQ
import Logging
import Storage
import TestSupport
import Testing

@testable import kczy

@Suite("Match batches: runs on the demo data keep every rule, are reproducible, cancellable and run once")
struct BatchRunTests {
    static func demo() async throws -> PGPool {
        let pool = try await TestDatabase.makeMigrated(prefix: "batch")
        let data = DemoDataSet.generate(seed: 2026, today: LocalDate("2026-11-29")!)
        _ = try await pool.withTransaction {
            try DemoDataLoader(data: data, hasher: PasswordHasher(rounds: 1000)).load($0)
        }
        return pool
    }

    static func settings() -> BatchSettings {
        var s = BatchSettings(asOf: LocalDate("2026-12-01")!, termStart: LocalDate("2027-01-01")!)
        s.regionQuotas = ["220100": 40]
        return s
    }

    static func runQueued(_ pool: PGPool, name: String, settings: BatchSettings = settings()) async throws
        -> StoredBatch
    {
        let store = BatchStore(pool: pool)
        let who = try await BatchFlowTests.staff(pool)
        let batch = try await store.create(name: name, settings: settings, parent: nil, by: who, audit: .system)
        _ = try await store.queue(batch.id, by: who, audit: .system)
        let ran = try await BatchWorker(pool: pool, logger: Logger(label: "test")).runOnce()
        #expect(ran == batch.id)
        return try await store.get(batch.id, by: who)
    }

    @Test("a batch on the demo data breaks no rule, checked by queries over the result")
    func rules() async throws {
        let pool = try await Self.demo()
        defer { Task { await pool.close() } }
        // A recent integrity record (诚信记录) on a hundred available experts: none of them may be proposed.
        try await pool.execute(
            """
            UPDATE expert SET integrity_record_year = 2025
            WHERE id IN (SELECT id FROM expert WHERE status = 'available' ORDER BY id LIMIT 100)
            """)
        let batch = try await Self.runQueued(pool, name: "第一批")
        #expect(batch.status == .proposalsReady, "\(batch.runError ?? "")")
        let id = batch.id
        // The diagnosis names needs by their id (and title), never by the matcher's internal position.
        let diagnosis = try await pool.query(
            "SELECT d->>'need_id', d->>'message' FROM match_batch, jsonb_array_elements(diagnosis) d WHERE id = \(id)")
        #expect(!diagnosis.isEmpty)
        for row in diagnosis {
            let need = try row.decode(0, as: String.self)
            #expect(try row.decode(1, as: String.self).hasPrefix("需求 \(need)（"))
        }
        let count = try await pool.query("SELECT count(*) FROM proposal WHERE batch_id = \(id)").scalar(Int.self)
        #expect(count > 100)
        func none(_ what: String, _ sql: String) async throws {
            let n = try await pool.query(PGQuery(unsafeSQL: sql)).scalar(Int.self)
            #expect(n == 0, "\(what): \(n) violations")
        }
        // Eligibility: available, approved unit, PhD or (associate) senior title, age ≤ 55 on as_of, no management post.
        try await none(
            "eligibility",
            """
            SELECT count(*) FROM proposal p JOIN expert e ON e.id = p.expert_id JOIN organization u ON u.id = e.unit_id
            WHERE p.batch_id = \(id) AND (e.status <> 'available' OR u.status <> 'approved' OR e.management_post
              OR NOT (e.degree = 'phd' OR e.title_level IN ('senior', 'associate_senior'))
              OR (e.birth_year IS NOT NULL AND 2026 - e.birth_year > 55)
              OR (e.integrity_record_year IS NOT NULL AND 2026 - e.integrity_record_year < 3))
            """)
        // Conflicts of interest: the expert's own or the expert's unit's.
        try await none(
            "conflicts",
            """
            SELECT count(*) FROM proposal p JOIN expert e ON e.id = p.expert_id
            WHERE p.batch_id = \(id) AND EXISTS (SELECT 1 FROM conflict c WHERE c.enterprise_id = p.enterprise_id
              AND (c.expert_id = p.expert_id OR c.unit_id = e.unit_id))
            """)
        // Capacities: per expert (capacity and 1 enterprise each), per enterprise (3), per need (its demand).
        try await none(
            "expert capacity",
            """
            SELECT count(*) FROM (SELECT p.expert_id, count(*) n, min(e.capacity) cap FROM proposal p
              JOIN expert e ON e.id = p.expert_id WHERE p.batch_id = \(id) GROUP BY 1) x WHERE n > least(cap, 1)
            """)
        try await none(
            "enterprise cap",
            "SELECT count(*) FROM (SELECT enterprise_id FROM proposal WHERE batch_id = \(id) GROUP BY 1 HAVING count(*) > 3) x"
        )
        try await none(
            "need demand",
            """
            SELECT count(*) FROM (SELECT p.need_id, count(*) n, min(n2.experts_needed) d FROM proposal p
              JOIN need n2 ON n2.id = p.need_id WHERE p.batch_id = \(id) GROUP BY 1) x WHERE n > d
            """)
        // Quota: at most 40 proposals for enterprises in 长春 (220100).
        let changchun = try await pool.query(
            """
            SELECT count(*) FROM proposal p JOIN organization o ON o.id = p.enterprise_id
            WHERE p.batch_id = \(id) AND o.region_code = '220100'
            """
        ).scalar(Int.self)
        #expect(changchun <= 40)
        // Out-of-province experts only where the need welcomes them; only open needs.
        try await none(
            "out of province",
            """
            SELECT count(*) FROM proposal p JOIN need n ON n.id = p.need_id JOIN expert e ON e.id = p.expert_id
              JOIN organization u ON u.id = e.unit_id
            WHERE p.batch_id = \(id) AND ((u.out_of_province AND NOT n.accepts_out_of_province) OR n.status <> 'open')
            """)
        // Every proposal keeps its explanation; alternates carry a reason.
        try await none(
            "explanations",
            "SELECT count(*) FROM proposal WHERE batch_id = \(id) AND NOT (explanation ? 'components' OR explanation ? 'score')"
        )
        let alternates = try await pool.query(
            "SELECT count(*), count(*) FILTER (WHERE reason = '') FROM proposal_alternate WHERE batch_id = \(id)")[0]
        #expect(try alternates.decode(0, as: Int.self) > 0)
        #expect(try alternates.decode(1, as: Int.self) == 0)
    }

    @Test("re-running with the same settings gives the same proposals")
    func deterministic() async throws {
        let pool = try await Self.demo()
        defer { Task { await pool.close() } }
        let a = try await Self.runQueued(pool, name: "甲")
        let b = try await Self.runQueued(pool, name: "乙")
        func pairs(_ id: Int) async throws -> [String] {
            try await pool.query(
                "SELECT need_id || '-' || expert_id || '-' || score FROM proposal WHERE batch_id = \(id) ORDER BY 1"
            )
            .map { try $0.decode(0, as: String.self) }
        }
        let first = try await pairs(a.id)
        #expect(!first.isEmpty)
        #expect(first == (try await pairs(b.id)))
        #expect(a.totalScore == b.totalScore)
    }

    @Test("a cancelled batch is never run, and a run cancelled midway writes nothing")
    func cancel() async throws {
        let pool = try await Self.demo()
        defer { Task { await pool.close() } }
        let store = BatchStore(pool: pool)
        let who = try await BatchFlowTests.staff(pool)
        let queued = try await store.create(name: "取消", settings: Self.settings(), parent: nil, by: who, audit: .system)
        _ = try await store.queue(queued.id, by: who, audit: .system)
        _ = try await store.cancel(queued.id, reason: "设置有误", by: who, audit: .system)
        #expect(try await BatchWorker(pool: pool, logger: Logger(label: "t")).runOnce() == nil)

        // Midway: the run is claimed, then cancelled; its heartbeat reports the loss and nothing is written.
        let running = try await store.create(
            name: "中途取消", settings: Self.settings(), parent: nil, by: who, audit: .system)
        _ = try await store.queue(running.id, by: who, audit: .system)
        let claimed = try #require(try await store.claim(owner: "w1", staleAfterSeconds: 60))
        #expect(claimed.id == running.id)
        _ = try await store.cancel(running.id, reason: "停止", by: who, audit: .system)
        #expect(try await store.heartbeat(running.id, owner: "w1", phase: "scoring") == false)
        let empty = BatchResult(pairs: [], alternates: [], diagnosisJSON: "[]", totalScore: 0)
        #expect(try await store.complete(running.id, owner: "w1", result: empty) == false)
        #expect(try await store.get(running.id, by: who).status == .cancelled)
        #expect(
            try await pool.query("SELECT count(*) FROM proposal WHERE batch_id = \(running.id)").scalar(Int.self) == 0)
    }

    @Test("two workers racing on one batch run it once; a batch whose worker died is taken over")
    func exactlyOnce() async throws {
        let pool = try await Self.demo()
        defer { Task { await pool.close() } }
        let store = BatchStore(pool: pool)
        let who = try await BatchFlowTests.staff(pool)
        let batch = try await store.create(name: "竞争", settings: Self.settings(), parent: nil, by: who, audit: .system)
        _ = try await store.queue(batch.id, by: who, audit: .system)
        async let a = BatchWorker(pool: pool, logger: Logger(label: "a"), owner: "a").runOnce()
        async let b = BatchWorker(pool: pool, logger: Logger(label: "b"), owner: "b").runOnce()
        let results = [try await a, try await b]
        #expect(results.compactMap { $0 } == [batch.id])
        let done = try await store.get(batch.id, by: who)
        #expect(done.status == .proposalsReady)
        #expect(done.runAttempts == 1)

        // A process that claimed a batch and died: its heartbeat goes stale and another process retries.
        let orphan = try await store.create(name: "接管", settings: Self.settings(), parent: nil, by: who, audit: .system)
        _ = try await store.queue(orphan.id, by: who, audit: .system)
        _ = try #require(try await store.claim(owner: "dead", staleAfterSeconds: 60))
        #expect(try await BatchWorker(pool: pool, logger: Logger(label: "c"), owner: "c").runOnce() == nil)
        try await pool.execute(
            "UPDATE match_batch SET run_heartbeat = now() - interval '5 minutes' WHERE id = \(orphan.id)")
        #expect(try await BatchWorker(pool: pool, logger: Logger(label: "c"), owner: "c").runOnce() == orphan.id)
        let retried = try await store.get(orphan.id, by: who)
        #expect(retried.status == .proposalsReady)
        #expect(retried.runAttempts == 2)
        // The dead process cannot write over the result when it wakes up.
        let empty = BatchResult(pairs: [], alternates: [], diagnosisJSON: "[]", totalScore: 0)
        #expect(try await store.complete(orphan.id, owner: "dead", result: empty) == false)
    }

    @Test("a run handed back by a process shutting down is claimed again at once, not after the staleness limit")
    func handBack() async throws {
        let pool = try await Self.demo()
        defer { Task { await pool.close() } }
        let store = BatchStore(pool: pool)
        let who = try await BatchFlowTests.staff(pool)
        let batch = try await store.create(name: "交回", settings: Self.settings(), parent: nil, by: who, audit: .system)
        _ = try await store.queue(batch.id, by: who, audit: .system)
        _ = try #require(try await store.claim(owner: "stopping", staleAfterSeconds: 60))
        // Only the owner can hand a run back; afterwards the old owner's heartbeat reports the loss.
        #expect(try await store.release(batch.id, owner: "other") == false)
        #expect(try await store.release(batch.id, owner: "stopping") == true)
        #expect(try await store.heartbeat(batch.id, owner: "stopping", phase: "scoring") == false)
        #expect(try await BatchWorker(pool: pool, logger: Logger(label: "n"), owner: "next").runOnce() == batch.id)
        let done = try await store.get(batch.id, by: who)
        #expect(done.status == .proposalsReady)
        #expect(done.runAttempts == 2)
        let empty = BatchResult(pairs: [], alternates: [], diagnosisJSON: "[]", totalScore: 0)
        #expect(try await store.complete(batch.id, owner: "stopping", result: empty) == false)
    }
}
