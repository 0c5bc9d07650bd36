import Auth
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LibPQ
import NIOCore
import Storage
import TestSupport
import Testing
import Web

/// The matrix's tenants: two enterprises, two units, an expert, staff, admin, and their needs, experts, batch,
/// proposals, objection, assignment and outcome.
extension AuthorizationMatrixTests {
    struct World {
        var ids: [String: Int]
        var api: [Actor: String]
        var sessions: [Actor: (secret: String, csrf: String)]
    }

    static func world(_ pool: PGPool, _ accounts: AccountStore, _ base: [String: Int], _ tokens: [String: String])
        async throws -> World
    {
        var ids = base
        ids["b"] = try await pool.query(
            """
            INSERT INTO organization (kind, name, identifier_kind, identifier, region_code, status)
            VALUES ('enterprise', '丁企业有限公司', 'uscc', \(try USCC.make(divisionCode: "220104", serial: 31).value), '220100', 'approved')
            RETURNING id
            """
        ).scalar(Int.self)
        ids["pending"] = try await pool.query(
            """
            INSERT INTO organization (kind, name, identifier_kind, identifier, region_code)
            VALUES ('enterprise', '戊待审企业', 'uscc', \(try USCC.make(divisionCode: "220104", serial: 32).value), '220100')
            RETURNING id
            """
        ).scalar(Int.self)
        for (key, unit, name) in [("eu", "u", "甲专家"), ("ev", "v", "乙专家")] {
            ids[key] = try await pool.query(
                """
                INSERT INTO expert (unit_id, name, phone, email, status, disciplines, tracks, degree, title_level, birth_year)
                VALUES (\(ids[unit]!), \(name), '13912345678', 'x@u.example.cn', 'approved', '{43055}', '{new_materials}',
                        'phd', 'senior', 1980)
                RETURNING id
                """
            ).scalar(Int.self)
        }
        let a = ids["a"]!
        for (key, status, confidential) in [
            ("draft", "draft", false), ("submitted", "submitted", false), ("open", "open", false),
            ("confidential", "open", true),
        ] {
            ids[key] = try await pool.query(
                """
                INSERT INTO need (enterprise_id, title, description, tracks, status, confidential)
                VALUES (\(a), \("需求" + key), '碳纤维预浸料固化孔隙率偏高，需优化固化工艺。', '{new_materials}', \(status), \(confidential))
                RETURNING id
                """
            ).scalar(Int.self)
        }
        ids["conflict"] = try await pool.query(
            "INSERT INTO conflict (expert_id, enterprise_id, kind, source) VALUES (\(ids["eu"]!), \(a), 'relative', 'staff') RETURNING id"
        ).scalar(Int.self)

        var accountIDs: [Actor: Int] = [:]
        for (actor, role, org, expert) in [
            (Actor.entB, "enterprise", ids["b"], nil), (.expertU, "expert", nil, ids["eu"]),
            (.admin, "admin", nil, nil),
        ] as [(Actor, String, Int?, Int?)] {
            accountIDs[actor] = try await pool.query(
                """
                INSERT INTO account (username, role, organization_id, expert_id, password_hash)
                VALUES (\(actor.rawValue), \(role), \(org), \(expert), 'x') RETURNING id
                """
            ).scalar(Int.self)
        }
        for (actor, name) in [(Actor.entA, "entA"), (.unitU, "unitU"), (.unitV, "unitV"), (.staff, "staff")] {
            accountIDs[actor] = try await pool.query("SELECT id FROM account WHERE username = \(name)").scalar(Int.self)
        }
        var api: [Actor: String] = [
            .entA: tokens["entA"]!, .unitU: tokens["unitU"]!, .unitV: tokens["unitV"]!, .staff: tokens["staff"]!,
        ]
        var sessions: [Actor: (String, String)] = [:]
        for (actor, id) in accountIDs {
            if api[actor] == nil {
                api[actor] = try await accounts.issueToken(for: id, kind: "api", lifetimeSeconds: 3600).secret
            }
            sessions[actor] = try await accounts.issueToken(for: id, kind: "session", lifetimeSeconds: 3600)
        }
        // A batch published for objections (its first proposal accepted, with one objection filed), and a fresh one.
        let w = try await BatchAPIWorld.build(pool, ids)
        let staff = Identity(
            accountID: accountIDs[.staff]!, username: "staff", displayName: "staff", role: .staff, organizationID: nil,
            expertID: nil)
        _ = try await ProposalStore(pool: pool).decide(w.proposals[0], .accept, reason: nil, by: staff, audit: .system)
        _ = try await PublicationStore(pool: pool).publish(
            w.batch, today: LocalDate("2026-11-30")!, by: staff, audit: .system)
        ids["objection"] = try await PublicationStore(pool: pool).object(
            to: w.proposals[0], realName: "张三", body: "该专家与企业存在未申报的合作关系。", today: LocalDate("2026-11-30")!,
            by: staff, audit: .system
        ).id
        ids["batch"] = w.batch
        ids["proposal"] = w.proposals[0]
        ids["proposal2"] = w.proposals[1]
        ids["bneed"] = w.needs[0]
        ids["bexpert"] = w.experts[1]
        ids["assignment"] = try await pool.query(
            """
            INSERT INTO assignment (need_id, expert_id, enterprise_id, term_start, term_end)
            VALUES (\(w.needs[0]), \(w.experts[0]), \(ids["a"]!), '2026-01-01', '2028-01-01') RETURNING id
            """
        ).scalar(Int.self)
        let entA = Identity(
            accountID: accountIDs[.entA]!, username: "entA", displayName: "entA", role: .enterprise,
            organizationID: ids["a"],
            expertID: nil)
        ids["outcome"] = try await OutcomeStore(pool: pool).report(
            try JSONDecoder().decode(OutcomeReport.self, from: Data(Self.outcomeBody.utf8)),
            assignment: ids["assignment"]!,
            by: entA, audit: .system, today: LocalDate("2026-11-29")!
        ).id
        ids["fresh"] = try await BatchStore(pool: pool).create(
            name: "新批次", settings: BatchSettings(asOf: LocalDate("2026-12-01")!, termStart: LocalDate("2027-01-01")!),
            parent: nil, by: staff, audit: .system
        ).id
        return World(ids: ids, api: api, sessions: sessions)
    }
}
