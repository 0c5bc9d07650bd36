import Domain
import Foundation
import Matching
import Storage

/// The assignment problem of a batch (indices for the solver) and the way back from a solution to proposals.
struct BatchProblem {
    let input: BatchInput
    let rankings: [NeedRanking]
    let problem: AssignmentProblem
    /// Solver expert index → expert id, and the candidates' explanations by (need index, expert index).
    let expertIDs: [Int]
    let expertIndex: [Int: Int]
    let explanations: [Int: [Int: ScoreExplanation]]
    let lockedExplanations: [Int: [Int: (Double, String)]]

    init(input: BatchInput, rankings: [NeedRanking], settings s: BatchSettings) {
        self.input = input
        self.rankings = rankings
        var expertIndex: [Int: Int] = [:]
        var expertIDs: [Int] = []
        func index(_ id: Int) -> Int {
            if let i = expertIndex[id] { return i }
            expertIndex[id] = expertIDs.count
            expertIDs.append(id)
            return expertIDs.count - 1
        }
        var edges: [AssignmentEdge] = []
        var explanations: [Int: [Int: ScoreExplanation]] = [:]
        for (n, ranking) in rankings.enumerated() {
            for c in ranking.candidates {
                guard let id = Int(c.expertID) else { continue }
                let e = index(id)
                edges.append(AssignmentEdge(need: n, expert: e, score: c.explanation.solverScore))
                explanations[n, default: [:]][e] = c.explanation
            }
        }
        // Locked proposals are fixed pairs, with an edge even when they fell out of the candidate lists.
        let needIndex = Dictionary(uniqueKeysWithValues: input.needs.enumerated().map { ($1.id, $0) })
        var locked: [AssignmentPair] = []
        var lockedExplanations: [Int: [Int: (Double, String)]] = [:]
        for l in input.locked {
            guard let n = needIndex[l.need], input.expertUnit[l.expert] != nil else { continue }
            let e = index(l.expert)
            if explanations[n]?[e] == nil {
                edges.append(AssignmentEdge(need: n, expert: e, score: ScoreExplanation.solverScore(l.score)))
            }
            lockedExplanations[n, default: [:]][e] = (l.score, l.explanation)
            locked.append(AssignmentPair(need: n, expert: e))
        }
        // Capacities net of current dispatches; the enterprise cap across all of an enterprise's needs.
        var ownCapacity: [Int: Int] = [:]
        for e in input.experts { if let id = Int(e.id) { ownCapacity[id] = e.capacity ?? 1 } }
        let capacity = expertIDs.map { id in
            let own = ownCapacity[id] ?? 1
            return max(0, min(own, s.maxEnterprisesPerExpert) - (input.activeByExpert[id] ?? 0))
        }
        var enterpriseIndex: [Int: Int] = [:]
        var regionIndex: [String: Int] = [:]
        var unitIndex: [Int: Int] = [:]
        var enterpriseIDs: [Int] = []
        var regions: [String] = []
        var units: [Int] = []
        let needEnterprise = input.needs.map { need -> Int in
            if let i = enterpriseIndex[need.enterpriseID] { return i }
            enterpriseIndex[need.enterpriseID] = enterpriseIDs.count
            enterpriseIDs.append(need.enterpriseID)
            return enterpriseIDs.count - 1
        }
        var enterpriseRegion = [Int](repeating: 0, count: enterpriseIDs.count)
        for (n, need) in input.needs.enumerated() {
            let r: Int
            if let i = regionIndex[need.region] {
                r = i
            } else {
                r = regions.count
                regionIndex[need.region] = r
                regions.append(need.region)
            }
            enterpriseRegion[needEnterprise[n]] = r
        }
        let expertUnit = expertIDs.map { id -> Int in
            let unit = input.expertUnit[id] ?? -1
            if let i = unitIndex[unit] { return i }
            unitIndex[unit] = units.count
            units.append(unit)
            return units.count - 1
        }
        problem = AssignmentProblem(
            needDemand: input.needs.map(\.demand), expertCapacity: capacity, edges: edges,
            needEnterprise: needEnterprise,
            enterpriseCap: enterpriseIDs.map {
                max(0, s.maxExpertsPerEnterprise - (input.activeByEnterprise[$0] ?? 0))
            },
            enterpriseRegion: enterpriseRegion, regionQuota: regions.map { s.regionQuotas[$0] },
            expertUnit: expertUnit, unitQuota: units.map { s.unitQuotas[String($0)] }, locked: locked,
            forbidden: input.rejected.compactMap { r in
                guard let n = needIndex[r.need], let e = expertIndex[r.expert] else { return nil }
                return AssignmentPair(need: n, expert: e)
            })
        self.expertIDs = expertIDs
        self.expertIndex = expertIndex
        self.explanations = explanations
        self.lockedExplanations = lockedExplanations
    }

    /// Proposals, each need's alternates with the reason they were not chosen, and the diagnosis as JSON.
    func result(solution: AssignmentSolution, shortfalls: [FeasibilityShortfall], alternatesPerNeed: Int) -> BatchResult
    {
        var pairs: [BatchResult.Pair] = []
        var chosenBy: [Int: [Int]] = [:]  // expert index → need indices
        var chosenFor: [Int: Set<Int>] = [:]
        for p in solution.pairs.sorted() {
            chosenBy[p.expert, default: []].append(p.need)
            chosenFor[p.need, default: []].insert(p.expert)
            let need = input.needs[p.need]
            let (score, json): (Double, String) =
                if let x = explanations[p.need]?[p.expert] { (x.score, x.json) } else {
                    lockedExplanations[p.need]?[p.expert] ?? (0, "{}")
                }
            pairs.append(
                .init(
                    needID: need.id, expertID: expertIDs[p.expert], enterpriseID: need.enterpriseID, score: score,
                    explanationJSON: json, locked: lockedExplanations[p.need]?[p.expert] != nil))
        }
        var alternates: [BatchResult.Alternate] = []
        for (n, ranking) in rankings.enumerated() where alternatesPerNeed > 0 {
            var rank = 0
            for c in ranking.candidates {
                guard rank < alternatesPerNeed, let id = Int(c.expertID),
                    let e = expertIndex[id], chosenFor[n]?.contains(e) != true
                else { continue }
                rank += 1
                let reason: String
                if let other = chosenBy[e]?.first {
                    reason = "该专家已推荐给需求 \(input.needs[other].id)，整体总分更高"
                } else if (chosenFor[n]?.count ?? 0) >= input.needs[n].demand {
                    reason = "本需求名额已满，已选专家使整体总分更高"
                } else {
                    reason = "受专家服务容量、企业专家上限或名额限制未能安排"
                }
                alternates.append(
                    .init(
                        needID: input.needs[n].id, expertID: id, rank: rank, score: c.explanation.score,
                        explanationJSON: c.explanation.json, reason: reason))
            }
        }
        let diagnosis: [[String: Any]] = shortfalls.map {
            // The matcher speaks of needs by position; the staff know them by id and title.
            let need = input.needs[$0.need]
            let prefix = "需求 \($0.need) "
            let rest = $0.message.hasPrefix(prefix) ? String($0.message.dropFirst(prefix.count)) : $0.message
            return [
                "need_id": need.id, "reason": $0.reason.rawValue, "missing": $0.missingSlots,
                "message": "需求 \(need.id)（\(need.record.title)）" + rest,
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: diagnosis, options: [.sortedKeys])) ?? Data("[]".utf8)
        return BatchResult(
            pairs: pairs, alternates: alternates, diagnosisJSON: String(decoding: data, as: UTF8.self),
            totalScore: solution.totalScore)
    }
}
