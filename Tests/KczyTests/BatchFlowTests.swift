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

@Suite("Review, publication (公示), objections and dispatch; capacities held by the database under concurrency")
struct BatchFlowTests {
    static func staff(_ pool: PGPool) async throws -> Identity {
        let id = try await pool.query("SELECT id FROM account WHERE role = 'staff' LIMIT 1").scalar(Int.self)
        return Identity(
            accountID: id, username: "staff", displayName: "staff", role: .staff, organizationID: nil, expertID: nil)
    }

    @Test("staff review, lock and refill, swap, publish for 5 working days, resolve objections, and finalize")
    func flow() async throws {
        let pool = try await BatchRunTests.demo()
        defer { Task { await pool.close() } }
        let staff = try await Self.staff(pool)
        let batch = try await BatchRunTests.runQueued(pool, name: "评审流程")
        let proposals = ProposalStore(pool: pool)
        let all = try await proposals.list(batch: batch.id, by: staff)
        #expect(all.count > 10)
        let (keep, drop, other) = (all[0], all[1], all[2])

        // Accept and lock one, reject another (reason required), then refill: the locked pair stays, the rejected
        // pair is never proposed again.
        _ = try await proposals.decide(keep.id, .accept, reason: nil, by: staff, audit: .system)
        _ = try await proposals.decide(keep.id, .lock, reason: nil, by: staff, audit: .system)
        await #expect(throws: ValidationError.self) {
            try await proposals.decide(drop.id, .reject, reason: nil, by: staff, audit: .system)
        }
        _ = try await proposals.decide(drop.id, .reject, reason: "专家研究方向与需求不符", by: staff, audit: .system)
        let store = BatchStore(pool: pool)
        #expect(try await store.get(batch.id, by: staff).status == .underReview)
        _ = try await store.queue(batch.id, by: staff, audit: .system)
        #expect(try await BatchWorker(pool: pool, logger: Logger(label: "t")).runOnce() == batch.id)
        let after = try await proposals.list(batch: batch.id, by: staff)
        #expect(after.contains { $0.needID == keep.needID && $0.expertID == keep.expertID && $0.locked })
        #expect(after.filter { $0.needID == drop.needID && $0.expertID == drop.expertID }.map(\.status) == ["rejected"])

        // Swap: the change in total score is shown first, then the alternate replaces the expert.
        // The alternate is proposed for another need: swapping is refused until that proposal is rejected.
        var candidate: (ProposalView, AlternateView, ProposalView)?
        for p in after where p.status == "proposed" && !p.locked {
            let alternates = try await proposals.alternates(batch: batch.id, need: p.needID, by: staff)
            for a in alternates {
                if let holder = after.first(where: {
                    $0.expertID == a.expertID && $0.status == "proposed" && $0.id != p.id && !$0.locked
                }) {
                    candidate = (p, a, holder)
                    break
                }
            }
            if candidate != nil { break }
        }
        let (current, free, holder) = try #require(candidate)
        #expect(!free.reason.isEmpty)
        await #expect(throws: StorageError.self) {
            try await proposals.swap(current.id, alternate: free.expertID, reason: nil, by: staff, audit: .system)
        }
        _ = try await proposals.decide(holder.id, .reject, reason: "改派给更匹配的需求", by: staff, audit: .system)
        let delta = try await proposals.swapDelta(current.id, alternate: free.expertID, by: staff)
        #expect(abs(delta - (free.score - current.score)) < 1e-9)
        let swapped = try await proposals.swap(
            current.id, alternate: free.expertID, reason: nil, by: staff, audit: .system)
        #expect(swapped.expertID == free.expertID && swapped.status == "accepted")

        // Two-way choice: the enterprise confirms, the expert declines with a reason; strangers cannot.
        let enterpriseAccount = try await pool.query(
            "SELECT id FROM account WHERE organization_id = \(keep.enterpriseID) LIMIT 1")
        if let row = enterpriseAccount.first {
            let ent = Identity(
                accountID: try row.decode(0), username: "e", displayName: "e", role: .enterprise,
                organizationID: keep.enterpriseID, expertID: nil)
            #expect(
                try await proposals.respond(keep.id, .confirm, reason: nil, by: ent, audit: .system).enterpriseResponse
                    == "confirmed")
        }
        let stranger = Identity(
            accountID: staff.accountID, username: "x", displayName: "x", role: .enterprise, organizationID: -5,
            expertID: nil)
        await #expect(throws: StorageError.self) {
            try await proposals.respond(keep.id, .confirm, reason: nil, by: stranger, audit: .system)
        }

        // A confidential need is visible to the expert proposed for it, and to no other expert.
        try await pool.execute("UPDATE need SET confidential = true WHERE id = \(keep.needID)")
        let needs = NeedStore(pool: pool)
        let proposedExpert = Identity(
            accountID: staff.accountID, username: "p", displayName: "p", role: .expert, organizationID: nil,
            expertID: keep.expertID)
        #expect(try await needs.get(keep.needID, by: proposedExpert).id == keep.needID)
        let otherExpert = Identity(
            accountID: staff.accountID, username: "q", displayName: "q", role: .expert, organizationID: nil,
            expertID: drop.expertID == keep.expertID ? other.expertID : drop.expertID)
        await #expect(throws: StorageError.self) { try await needs.get(keep.needID, by: otherExpert) }

        // Publication: only accepted pairs, a window of 5 working days from Friday 2026-12-04 (ends Friday 12-11).
        let publication = PublicationStore(pool: pool)
        let published = try await publication.publish(
            batch.id, today: LocalDate("2026-12-04")!, by: staff, audit: .system)
        #expect(published.status == .published)
        #expect(published.publishUntil == LocalDate("2026-12-11"))
        let list = try await publication.publicList(batch.id).entries
        #expect(Set(list.map(\.proposalID)) == Set([keep.id, swapped.id]))
        await #expect(throws: (any Error).self) {
            try await proposals.decide(keep.id, .reject, reason: "晚了", by: staff, audit: .system)
        }

        // Objections: real name and a written text; upheld removes the pair, dismissed keeps it with the reason.
        let objector = Identity(
            accountID: staff.accountID, username: "o", displayName: "o", role: .expert, organizationID: nil,
            expertID: nil)
        let o1 = try await publication.object(
            to: swapped.id, realName: "张三", body: "该专家与企业存在未申报的亲属关系。", today: LocalDate("2026-12-07")!, by: objector,
            audit: .system)
        let o2 = try await publication.object(
            to: keep.id, realName: "李四", body: "该专家近三年工作量已饱和，恐难保证驻企时间。", today: LocalDate("2026-12-08")!, by: objector,
            audit: .system)
        await #expect(throws: ValidationError.self) {
            try await publication.object(
                to: keep.id, realName: "", body: "短", today: LocalDate("2026-12-08")!, by: objector, audit: .system)
        }
        await #expect(throws: StorageError.self) {
            try await publication.object(
                to: keep.id, realName: "王五", body: "公示期结束后提出的异议不应受理。", today: LocalDate("2026-12-14")!, by: objector,
                audit: .system)
        }
        // Finalizing is refused during the window and while objections are open.
        await #expect(throws: StorageError.self) {
            try await publication.finalize(batch.id, today: LocalDate("2026-12-10")!, by: staff, audit: .system)
        }
        await #expect(throws: StorageError.self) {
            try await publication.finalize(batch.id, today: LocalDate("2026-12-14")!, by: staff, audit: .system)
        }
        _ = try await publication.resolve(o1.id, upheld: true, resolution: "经核实存在亲属关系，撤销该推荐", by: staff, audit: .system)
        _ = try await publication.resolve(o2.id, upheld: false, resolution: "专家所在单位已出具工作量说明", by: staff, audit: .system)
        let done = try await publication.finalize(batch.id, today: LocalDate("2026-12-14")!, by: staff, audit: .system)
        #expect(done.status == .finalized)
        let assignments = try await pool.query(
            "SELECT expert_id, term_start::text, term_end::text FROM assignment WHERE batch_id = \(batch.id)")
        #expect(assignments.count == 1)
        #expect(try assignments[0].decode(0, as: Int.self) == keep.expertID)
        #expect(try assignments[0].decode(1, as: String.self) == "2027-01-01")
        #expect(try assignments[0].decode(2, as: String.self) == "2029-01-01")
        #expect(
            try await pool.query("SELECT status FROM need WHERE id = \(keep.needID)").scalar(String.self)
                == "dispatched")
        #expect(
            try await pool.query("SELECT status FROM proposal WHERE id = \(swapped.id)").scalar(String.self)
                == "withdrawn")
        // Finalizing twice creates nothing more.
        await #expect(throws: (any Error).self) {
            try await publication.finalize(batch.id, today: LocalDate("2026-12-15")!, by: staff, audit: .system)
        }
        #expect(try await pool.query("SELECT count(*) FROM assignment").scalar(Int.self) == 1)
    }

    @Test("50 concurrent dispatches of one expert and one enterprise never exceed a capacity or cap")
    func concurrentCapacity() async throws {
        let pool = try await BatchRunTests.demo()
        defer { Task { await pool.close() } }
        let staff = try await Self.staff(pool)
        // An expert with capacity 2, and an enterprise with at least 4 open needs (cap 3).
        let expert = try await pool.query("SELECT id FROM expert WHERE status = 'available' ORDER BY id LIMIT 1")
            .scalar(Int.self)
        try await pool.execute("UPDATE expert SET capacity = 2 WHERE id = \(expert)")
        let needs = try await pool.query(
            """
            SELECT n.id FROM need n WHERE n.enterprise_id = (SELECT enterprise_id FROM need GROUP BY 1 HAVING count(*) >= 4
              ORDER BY enterprise_id LIMIT 1) ORDER BY n.id LIMIT 4
            """
        ).map { try $0.decode(0, as: Int.self) }
        let others = try await pool.query(
            "SELECT id FROM expert WHERE status = 'available' AND id <> \(expert) ORDER BY id LIMIT 50"
        ).map { try $0.decode(0, as: Int.self) }
        let store = AssignmentStore(pool: pool)
        let start = LocalDate("2027-01-01")!
        let end = LocalDate("2029-01-01")!
        // 25 attempts for the one expert across all kinds of needs, 25 for other experts on the one enterprise.
        let allNeeds = try await pool.query("SELECT id FROM need ORDER BY id LIMIT 25").map {
            try $0.decode(0, as: Int.self)
        }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<25 {
                group.addTask {
                    (try? await store.create(
                        need: allNeeds[i], expert: expert, termStart: start, termEnd: end, agreementRef: nil, by: staff,
                        audit: .system)) != nil
                }
                group.addTask {
                    (try? await store.create(
                        need: needs[i % needs.count], expert: others[i], termStart: start, termEnd: end,
                        agreementRef: nil,
                        by: staff, audit: .system)) != nil
                }
            }
            var ok: [Bool] = []
            for await r in group { ok.append(r) }
            return ok
        }
        #expect(outcomes.count == 50)
        let perExpert = try await pool.query(
            "SELECT count(*) FROM assignment WHERE expert_id = \(expert) AND status = 'active'"
        ).scalar(Int.self)
        #expect(perExpert == 2)
        let enterprise = try await pool.query("SELECT enterprise_id FROM need WHERE id = \(needs[0])").scalar(Int.self)
        let perEnterprise = try await pool.query(
            "SELECT count(*) FROM assignment WHERE enterprise_id = \(enterprise) AND status = 'active'"
        ).scalar(Int.self)
        #expect(perEnterprise <= 3)
        let overbooked = try await pool.query(
            """
            SELECT count(*) FROM (SELECT a.expert_id FROM assignment a JOIN expert e ON e.id = a.expert_id
              WHERE a.status = 'active' GROUP BY a.expert_id, e.capacity HAVING count(*) > e.capacity) x
            """
        ).scalar(Int.self)
        #expect(overbooked == 0)
        #expect(
            outcomes.filter { $0 }.count == (try await pool.query("SELECT count(*) FROM assignment").scalar(Int.self)))
    }
}
