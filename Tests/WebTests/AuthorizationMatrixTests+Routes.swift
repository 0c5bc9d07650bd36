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

/// Every route with the callers allowed on it and the row a denied caller must leave unchanged.
extension AuthorizationMatrixTests {
    static let outcomeBody =
        #"{"kind": "project", "title": "联合申报项目", "achieved_on": "2026-10-01", "evidence": {"filename": "a.pdf", "content_type": "application/pdf", "data": "JVBERi0xLjQgdGVzdA=="}}"#

    static func routes(_ w: World) -> [Route] {
        let i = w.ids
        let all = Actor.allCases.filter { $0 != .anonymous }
        let program: [Actor] = [.staff, .admin]
        let needRow = { (id: Int) in "SELECT to_jsonb(n)::text FROM need n WHERE id = \(id)" }
        let expertRow = { (id: Int) in "SELECT to_jsonb(e)::text FROM expert e WHERE id = \(id)" }
        let orgRow = { (id: Int) in
            "SELECT to_jsonb(o)::text || coalesce((SELECT string_agg(alias, ',') FROM organization_alias WHERE organization_id = o.id), '') FROM organization o WHERE id = \(id)"
        }
        let batchRow = { (id: Int) in "SELECT to_jsonb(b)::text FROM match_batch b WHERE id = \(id)" }
        let proposalRow = { (id: Int) in "SELECT to_jsonb(p)::text FROM proposal p WHERE id = \(id)" }
        let draft = NeedAPITests.draft
        let profile = ExpertAPITests.profile
        let orgEdit = OrganizationProfileAPITests.edit
        return [
            // Needs
            Route(method: .get, path: "/api/v1/needs", allowed: all),
            Route(method: .post, path: "/api/v1/needs", body: draft, allowed: [.entA, .entB]),
            Route(method: .get, path: "/api/v1/needs/\(i["draft"]!)", allowed: [.entA] + program),
            Route(
                method: .get, path: "/api/v1/needs/\(i["open"]!)", allowed: [.entA, .unitU, .unitV, .expertU] + program),
            Route(method: .get, path: "/api/v1/needs/\(i["confidential"]!)", allowed: [.entA] + program),
            Route(method: .get, path: "/api/v1/needs/\(i["draft"]!)/history", allowed: [.entA] + program),
            Route(
                method: .put, path: "/api/v1/needs/\(i["draft"]!)", body: draft, allowed: [.entA],
                watch: needRow(i["draft"]!)),
            Route(
                method: .post, path: "/api/v1/needs/\(i["open"]!)/withdraw", allowed: [.entA],
                watch: needRow(i["open"]!)),
            Route(
                method: .post, path: "/api/v1/needs/\(i["submitted"]!)/accept", allowed: program,
                watch: needRow(i["submitted"]!)),
            // Experts
            Route(method: .get, path: "/api/v1/experts", allowed: [.unitU, .unitV] + program),
            Route(method: .post, path: "/api/v1/experts", body: profile, allowed: [.unitU, .unitV]),
            Route(method: .get, path: "/api/v1/experts/\(i["eu"]!)", allowed: all),
            Route(
                method: .put, path: "/api/v1/experts/\(i["eu"]!)", body: profile, allowed: [.unitU, .expertU],
                watch: expertRow(i["eu"]!)),
            Route(
                method: .post, path: "/api/v1/experts/\(i["ev"]!)/approve", allowed: [.unitV],
                watch: expertRow(i["ev"]!)),
            Route(
                method: .post, path: "/api/v1/experts/\(i["ev"]!)/screen", allowed: program, watch: expertRow(i["ev"]!)),
            // Organizations
            Route(method: .get, path: "/api/v1/organizations", allowed: program),
            Route(
                method: .post, path: "/api/v1/organizations/\(i["pending"]!)/approve", allowed: program,
                watch: orgRow(i["pending"]!)),
            Route(method: .get, path: "/api/v1/organizations/\(i["a"]!)", allowed: [.entA] + program),
            Route(method: .get, path: "/api/v1/organizations/\(i["u"]!)", allowed: [.unitU] + program),
            Route(
                method: .put, path: "/api/v1/organizations/\(i["a"]!)", body: orgEdit, allowed: [.entA] + program,
                watch: orgRow(i["a"]!)),
            Route(
                method: .put, path: "/api/v1/organizations/\(i["b"]!)/aliases", body: #"{"aliases": ["丁公司"]}"#,
                allowed: program, watch: orgRow(i["b"]!)),
            Route(method: .get, path: "/api/v1/organizations/\(i["a"]!)/similar", allowed: program),
            Route(
                method: .post, path: "/api/v1/organizations/\(i["b"]!)/merge", body: #"{"into": \#(i["b"]!)}"#,
                allowed: program, watch: orgRow(i["b"]!)),
            // Conflicts, audit, imports
            Route(method: .get, path: "/api/v1/conflicts", allowed: [.unitU, .unitV, .expertU] + program),
            Route(
                method: .post, path: "/api/v1/conflicts", body: #"{"enterprise_id": \#(i["b"]!), "kind": "equity"}"#,
                allowed: [.expertU] + program),
            Route(method: .delete, path: "/api/v1/conflicts/\(i["conflict"]!)", allowed: program, destructive: true),
            Route(method: .get, path: "/api/v1/audit", allowed: program),
            // Batches, review, publication, dispatch
            Route(method: .get, path: "/api/v1/batches", allowed: program),
            Route(
                method: .post, path: "/api/v1/batches",
                body: #"{"name": "批次", "settings": {"as_of": "2026-12-01"}}"#, allowed: program),
            Route(method: .get, path: "/api/v1/batches/\(i["batch"]!)", allowed: program),
            Route(
                method: .post, path: "/api/v1/batches/\(i["fresh"]!)/run", allowed: program,
                watch: batchRow(i["fresh"]!)),
            Route(
                method: .post, path: "/api/v1/batches/\(i["batch"]!)/finalize", allowed: program,
                watch: batchRow(i["batch"]!)),
            Route(method: .get, path: "/api/v1/batches/\(i["batch"]!)/proposals", allowed: program),
            Route(
                method: .get, path: "/api/v1/batches/\(i["batch"]!)/needs/\(i["bneed"]!)/alternates", allowed: program),
            Route(method: .get, path: "/api/v1/batches/\(i["batch"]!)/objections", allowed: program),
            Route(method: .get, path: "/api/v1/proposals", allowed: all),
            Route(
                method: .post, path: "/api/v1/proposals/\(i["proposal2"]!)/reject", body: #"{"reason": "不符"}"#,
                allowed: program, watch: proposalRow(i["proposal2"]!)),
            Route(
                method: .post, path: "/api/v1/proposals/\(i["proposal"]!)/confirm", allowed: [.entA],
                watch: proposalRow(i["proposal"]!)),
            Route(
                method: .get, path: "/api/v1/proposals/\(i["proposal"]!)/swap?expert_id=\(i["bexpert"]!)",
                allowed: program),
            Route(
                method: .post, path: "/api/v1/proposals/\(i["proposal"]!)/swap",
                body: #"{"expert_id": \#(i["bexpert"]!)}"#,
                allowed: program, watch: proposalRow(i["proposal"]!)),
            Route(
                method: .post, path: "/api/v1/proposals/\(i["proposal"]!)/objections",
                body: #"{"real_name": "李四", "body": "该推荐存在需要核实的利益关系。"}"#, allowed: all),
            Route(
                method: .post, path: "/api/v1/objections/\(i["objection"]!)/dismiss", body: #"{"resolution": "已核实无误"}"#,
                allowed: program, watch: "SELECT to_jsonb(o)::text FROM objection o WHERE id = \(i["objection"]!)"),
            Route(method: .get, path: "/api/v1/publications/\(i["batch"]!)", allowed: Actor.allCases),
            Route(method: .get, path: "/api/v1/assignments", allowed: all),
            Route(
                method: .post, path: "/api/v1/assignments/\(i["assignment"]!)/outcomes", body: Self.outcomeBody,
                allowed: [.entA]),
            Route(
                method: .post, path: "/api/v1/outcomes/\(i["outcome"]!)/verify", allowed: program,
                watch: "SELECT to_jsonb(o)::text FROM outcome o WHERE id = \(i["outcome"]!)"),
            Route(
                method: .post, path: "/api/v1/assignments/\(i["assignment"]!)/service-logs",
                body: #"{"served_on": "2026-11-20", "days": 1, "work": "驻企指导"}"#, allowed: program),
            Route(method: .get, path: "/api/v1/service-logs/status", allowed: all),
            Route(method: .get, path: "/api/v1/reports/needs", allowed: program),
            Route(method: .get, path: "/api/v1/reports/talent-gap?format=csv", allowed: program),
            Route(
                method: .put, path: "/api/v1/assignments/\(i["assignment"]!)/agreement",
                body: #"{"reference": "协议-001", "signed_on": "2026-11-20"}"#, allowed: program,
                watch: "SELECT to_jsonb(a)::text FROM assignment a WHERE id = \(i["assignment"]!)"),
            Route(
                method: .post, path: "/api/v1/assignments/\(i["assignment"]!)/assessments",
                body: #"{"period": "2027", "grade": "good"}"#, allowed: program),
            Route(method: .get, path: "/api/v1/assignments/\(i["assignment"]!)/renewal", allowed: program),
            Route(
                method: .post, path: "/api/v1/assignments/\(i["assignment"]!)/renew", allowed: program,
                destructive: true),
            Route(
                method: .get, path: "/api/v1/reports/headline?group_by=unit",
                allowed: [.entA, .entB, .unitU, .unitV, .staff, .admin]),
            Route(
                method: .get, path: "/api/v1/reports/composition?format=csv",
                allowed: [.entA, .entB, .unitU, .unitV, .staff, .admin]),
            Route(method: .get, path: "/api/v1/outcomes?status=reported", allowed: all),
            Route(
                method: .get, path: "/api/v1/outcomes/\(i["outcome"]!)/evidence", allowed: [.entA, .unitU] + program),
            // Dispatch, outcome and report pages
            Route(method: .get, path: "/dashboard", allowed: all),
            Route(method: .get, path: "/assignments", allowed: all),
            Route(method: .get, path: "/assignments/\(i["assignment"]!)", allowed: [.entA, .unitU] + program),
            Route(
                method: .post, path: "/assignments/\(i["assignment"]!)/service-logs",
                body: "served_on=2027-01-05&days=1&work=驻企指导", allowed: program),
            Route(
                method: .post, path: "/assignments/\(i["assignment"]!)/outcomes", body: "kind=project", allowed: [.entA]
            ),
            Route(
                method: .post, path: "/assignments/\(i["assignment"]!)/assessments", body: "period=2027&grade=good",
                allowed: program),
            Route(
                method: .post, path: "/assignments/\(i["assignment"]!)/renew", body: "", allowed: program,
                watch: "SELECT to_jsonb(a)::text FROM assignment a WHERE id = \(i["assignment"]!)", destructive: true),
            Route(method: .get, path: "/staff/outcomes", allowed: program),
            Route(
                method: .post, path: "/outcomes/\(i["outcome"]!)/reject", body: "reason=材料不全", allowed: program,
                watch: "SELECT to_jsonb(o)::text FROM outcome o WHERE id = \(i["outcome"]!)"),
            Route(method: .get, path: "/outcomes/\(i["outcome"]!)/evidence", allowed: [.entA, .unitU] + program),
            Route(method: .get, path: "/reports", allowed: [.entA, .entB, .unitU, .unitV] + program),
            Route(method: .get, path: "/reports/composition", allowed: [.entA, .entB, .unitU, .unitV] + program),
            Route(
                method: .get, path: "/reports/headline?format=csv", allowed: [.entA, .entB, .unitU, .unitV] + program),
            Route(method: .get, path: "/reports/needs", allowed: program),
            Route(method: .get, path: "/reports/talent-gap?format=json", allowed: program),
            Route(
                method: .post, path: "/api/v1/assignments",
                body:
                    #"{"need_id": \#(i["bneed"]!), "expert_id": \#(i["bexpert"]!), "term_start": "2027-01-01", "term_end": "2029-01-01"}"#,
                allowed: program),
            Route(method: .get, path: "/api/v1/auth/me", allowed: all),
            Route(method: .get, path: "/api/v1/imports/experts/template", allowed: all),
            Route(
                method: .post, path: "/api/v1/imports/experts?mode=check", body: "姓名\n",
                allowed: [.unitU, .unitV] + program),
            Route(
                method: .post, path: "/api/v1/imports/needs?mode=check", body: "企业名称\n",
                allowed: [.entA, .entB] + program),
            // Pages
            Route(method: .get, path: "/enterprise/needs", allowed: [.entA, .entB]),
            Route(method: .get, path: "/enterprise/needs/new", allowed: [.entA, .entB]),
            Route(method: .get, path: "/enterprise/profile", allowed: [.entA, .entB]),
            Route(method: .get, path: "/enterprise/needs/\(i["draft"]!)/edit", allowed: [.entA]),
            Route(
                method: .post, path: "/enterprise/needs/\(i["draft"]!)",
                body: "title=x&description=y&tracks=equipment&experts_needed=1",
                allowed: [.entA], watch: needRow(i["draft"]!)),
            Route(
                method: .post, path: "/enterprise/needs/\(i["open"]!)/withdraw", body: "", allowed: [.entA],
                watch: needRow(i["open"]!)),
            Route(method: .get, path: "/unit/experts", allowed: [.unitU, .unitV]),
            Route(method: .get, path: "/unit/experts/new", allowed: [.unitU, .unitV]),
            Route(method: .get, path: "/unit/profile", allowed: [.unitU, .unitV]),
            Route(method: .get, path: "/unit/experts/\(i["eu"]!)/edit", allowed: [.unitU]),
            Route(
                method: .post, path: "/unit/experts/\(i["ev"]!)/approve", body: "", allowed: [.unitV],
                watch: expertRow(i["ev"]!)),
            Route(method: .get, path: "/expert/profile", allowed: [.expertU]),
            Route(method: .get, path: "/staff/needs", allowed: program),
            Route(method: .get, path: "/staff/organizations", allowed: program),
            Route(method: .get, path: "/staff/experts", allowed: program),
            Route(method: .get, path: "/staff/audit?entity=need", allowed: program),
            Route(method: .get, path: "/staff/batches", allowed: program),
            Route(method: .get, path: "/staff/batches/\(i["batch"]!)", allowed: program),
            Route(method: .get, path: "/staff/batches/\(i["batch"]!)/needs/\(i["bneed"]!)", allowed: program),
            Route(
                method: .post, path: "/staff/batches/\(i["fresh"]!)/cancel", body: "reason=x", allowed: program,
                watch: batchRow(i["fresh"]!), destructive: true),
            Route(
                method: .post, path: "/staff/proposals/\(i["proposal2"]!)/lock", body: "", allowed: program,
                watch: proposalRow(i["proposal2"]!)),
            Route(
                method: .post, path: "/staff/objections/\(i["objection"]!)/uphold", body: "resolution=",
                allowed: program,
                watch: "SELECT to_jsonb(o)::text FROM objection o WHERE id = \(i["objection"]!)"),
            Route(method: .get, path: "/proposals", allowed: [.entA, .entB, .expertU]),
            Route(
                method: .post, path: "/proposals/\(i["proposal"]!)/confirm", body: "", allowed: [.entA],
                watch: proposalRow(i["proposal"]!)),
            Route(method: .get, path: "/publications/\(i["batch"]!)", allowed: Actor.allCases),
            Route(
                method: .post, path: "/staff/needs/\(i["submitted"]!)/return", body: "reason=", allowed: program,
                watch: needRow(i["submitted"]!)),
            Route(
                method: .post, path: "/staff/experts/\(i["ev"]!)/screen", body: "", allowed: program,
                watch: expertRow(i["ev"]!)),
            Route(
                method: .post, path: "/staff/organizations/\(i["pending"]!)/reject", body: "reason=", allowed: program,
                watch: orgRow(i["pending"]!)),
        ]
    }
}
