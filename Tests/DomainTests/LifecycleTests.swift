import Foundation
import Testing

@testable import Domain

/// Checks every ordered pair of states against an expected list written out by hand from the brief.
func checkEveryPair<State: LifecycleState>(_ type: State.Type, allowed: [String]) throws {
    let expected = Set(allowed)
    for from in State.allCases {
        for to in State.allCases {
            let key = "\(from.rawValue)>\(to.rawValue)"
            #expect(State.canTransition(from: from, to: to) == expected.contains(key), "\(key)")
            if expected.contains(key) {
                #expect(try State.transition(from: from, to: to) == to)
            } else {
                let error = #expect(throws: TransitionError.self, "\(key)") {
                    try State.transition(from: from, to: to)
                }
                #expect(error?.code == .notAllowed)
                #expect(error?.message.contains(from.label) == true)
                #expect(error?.message.contains("（\(from.rawValue)）") == true)
                #expect(error?.from == from.rawValue)
            }
        }
    }
    // Every listed move names real states.
    let names = Set(State.allCases.map(\.rawValue))
    for key in expected {
        let parts = key.split(separator: ">").map(String.init)
        #expect(parts.count == 2 && names.contains(parts[0]) && names.contains(parts[1]), "\(key)")
    }
}

@Suite("Lifecycles")
struct LifecycleTests {
    @Test func need() throws {
        try checkEveryPair(
            NeedStatus.self,
            allowed: [
                "draft>submitted", "draft>withdrawn", "submitted>open", "submitted>returned", "submitted>withdrawn",
                "returned>submitted", "returned>draft", "returned>withdrawn", "open>proposed", "open>expired",
                "open>closed", "open>withdrawn", "proposed>dispatched", "proposed>open", "dispatched>solved",
                "dispatched>closed", "expired>open", "expired>closed",
            ])
        #expect(NeedStatus.solved.isTerminal && NeedStatus.withdrawn.isTerminal && !NeedStatus.expired.isTerminal)
        #expect(NeedStatus.open.isMatchable && !NeedStatus.submitted.isMatchable)
    }

    @Test func expert() throws {
        try checkEveryPair(
            ExpertStatus.self,
            allowed: [
                "registered>approved", "registered>suspended", "pending_reapproval>approved",
                "pending_reapproval>suspended", "approved>screened", "approved>pending_reapproval",
                "approved>suspended", "screened>available", "screened>pending_reapproval", "screened>suspended",
                "available>dispatched", "available>pending_reapproval", "available>suspended", "dispatched>available",
                "dispatched>suspended", "suspended>available",
            ])
    }

    @Test func expertEditAfterApprovalGoesBackToUnit() {
        #expect(ExpertStatus.afterEdit(of: .approved) == .pendingReapproval)
        #expect(ExpertStatus.afterEdit(of: .screened) == .pendingReapproval)
        #expect(ExpertStatus.afterEdit(of: .available) == .pendingReapproval)
        #expect(ExpertStatus.afterEdit(of: .registered) == .registered)
        #expect(ExpertStatus.afterEdit(of: .dispatched) == .dispatched)
        #expect(ExpertStatus.afterEdit(of: .suspended) == .suspended)
    }

    @Test func organization() throws {
        try checkEveryPair(
            OrganizationStatus.self,
            allowed: [
                "pending>approved", "pending>rejected", "pending>merged", "approved>merged", "rejected>pending",
                "rejected>merged",
            ])
    }

    @Test func batch() throws {
        try checkEveryPair(
            BatchStatus.self,
            allowed: [
                "created>queued", "created>cancelled", "queued>running", "queued>cancelled", "running>proposals_ready",
                "running>failed", "running>cancelled", "failed>queued", "failed>cancelled",
                "proposals_ready>under_review", "proposals_ready>queued", "under_review>queued",
                "proposals_ready>cancelled", "under_review>published", "under_review>cancelled", "published>finalized",
                "published>cancelled",
            ])
    }

    @Test func assignment() throws {
        try checkEveryPair(
            AssignmentStatus.self, allowed: ["active>completed", "active>terminated", "active>renewed"])
    }

    @Test func outcome() throws {
        try checkEveryPair(OutcomeStatus.self, allowed: ["reported>verified", "reported>rejected"])
        #expect(OutcomeStatus.allCases.filter(\.isCounted) == [.verified])
    }

    @Test func recordKeepsActorTimeAndReason() throws {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let record = try NeedStatus.record(
            from: .submitted, to: .returned, actor: "staff-7", at: at, reason: " 缺少技术指标 ")
        #expect(record == StateTransition(from: .submitted, to: .returned, actor: "staff-7", at: at, reason: "缺少技术指标"))
        let data = try JSONEncoder().encode(record)
        #expect(try JSONDecoder().decode(StateTransition<NeedStatus>.self, from: data) == record)
    }

    @Test func returnNeedsAReason() {
        let error = #expect(throws: TransitionError.self) {
            try NeedStatus.record(from: .submitted, to: .returned, actor: "staff-7", at: Date(), reason: "  ")
        }
        #expect(error?.code == .reasonRequired)
        #expect(error?.fieldError.field == "reason")
        #expect(throws: TransitionError.self) {
            try OutcomeStatus.record(from: .reported, to: .rejected, actor: "s", at: Date())
        }
    }

    @Test func messageNamesCurrentStateInChineseAndCode() {
        let error = #expect(throws: TransitionError.self) { try NeedStatus.transition(from: .draft, to: .dispatched) }
        #expect(error?.message == "需求当前状态为“草稿”（draft），不能变更为“已选派”（dispatched）")
    }
}
