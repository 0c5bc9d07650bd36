import Batches
import Domain
import Foundation
import LibPQ
import Logging
import Storage

/// A small matching world on top of `ExpertAPITests.world()`: two available experts of unit u, two open needs of
/// enterprise a, and a batch run to `proposals_ready`.
enum BatchAPIWorld {
    struct IDs {
        var batch: Int
        var proposals: [Int]
        var experts: [Int]
        var needs: [Int]
    }

    static func build(_ pool: PGPool, _ ids: [String: Int]) async throws -> IDs {
        var experts: [Int] = []
        for (name, keywords) in [("周涂层", "{热障涂层,高温合金,喷涂}"), ("吴复材", "{碳纤维,预浸料,复合材料}")] {
            experts.append(
                try await pool.query(
                    """
                    INSERT INTO expert (unit_id, name, phone, email, status, degree, title_level, birth_year, disciplines,
                                        tracks, keywords, summary, capacity)
                    VALUES (\(ids["u"]!), \(name), '13912345678', 'x@u.example.cn', 'available', 'phd', 'senior', 1978,
                            '{43055}', '{new_materials}', \(keywords)::text[], \(name + "长期从事材料研究"), 1)
                    RETURNING id
                    """
                ).scalar(Int.self))
        }
        var needs: [Int] = []
        for (title, keywords) in [("叶片热障涂层开裂分析", "{热障涂层,高温合金}"), ("碳纤维预浸料孔隙率控制", "{碳纤维,预浸料}")] {
            needs.append(
                try await pool.query(
                    """
                    INSERT INTO need (enterprise_id, title, description, tracks, disciplines, keywords, status)
                    VALUES (\(ids["a"]!), \(title), \(title + "，需要专家攻关。"), '{new_materials}', '{43055}',
                            \(keywords)::text[], 'open')
                    RETURNING id
                    """
                ).scalar(Int.self))
        }
        let staffID = try await pool.query("SELECT id FROM account WHERE username = 'staff'").scalar(Int.self)
        let staff = Identity(
            accountID: staffID, username: "staff", displayName: "staff", role: .staff, organizationID: nil,
            expertID: nil)
        let store = BatchStore(pool: pool)
        let batch = try await store.create(
            name: "测试批次", settings: BatchSettings(asOf: LocalDate("2026-12-01")!, termStart: LocalDate("2027-01-01")!),
            parent: nil, by: staff, audit: .system)
        _ = try await store.queue(batch.id, by: staff, audit: .system)
        _ = try await BatchWorker(pool: pool, logger: Logger(label: "t")).runOnce()
        let proposals = try await pool.query("SELECT id FROM proposal WHERE batch_id = \(batch.id) ORDER BY id")
            .map { try $0.decode(0, as: Int.self) }
        return IDs(batch: batch.id, proposals: proposals, experts: experts, needs: needs)
    }
}
