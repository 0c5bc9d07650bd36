import Matching

/// Independent exact method for cross-checking: successive shortest paths with Bellman–Ford on a
/// network built here from scratch (arc costs `-score`), locks applied by reducing capacities.
enum AssignmentReferenceFlow {
    private struct Arc {
        var to: Int
        var capacity: Int
        var cost: Int
    }

    /// (filled slots, total score) of a min-cost max-flow, or nil if the locks do not fit.
    static func optimum(_ problem: AssignmentProblem) -> (filled: Int, total: Int)? {
        var p = problem
        var lockScore = 0
        var usage = AssignmentUsage(problem)
        for lock in problem.locked {
            guard usage.fits(lock) else { return nil }
            usage.add(lock)
            lockScore +=
                problem.edges.first { Int($0.need) == lock.need && Int($0.expert) == lock.expert }.map { Int($0.score) }
                ?? 0
        }
        p.needDemand = zip(p.needDemand, usage.perNeed).map { $0 - $1 }
        p.expertCapacity = zip(p.expertCapacity, usage.perExpert).map { $0 - $1 }
        p.enterpriseCap = zip(p.enterpriseCap, usage.perEnterprise).map { cap, used in cap.map { $0 - used } }
        p.regionQuota = zip(p.regionQuota, usage.perRegion).map { quota, used in quota.map { $0 - used } }
        p.unitQuota = zip(p.unitQuota, usage.perUnit).map { quota, used in quota.map { $0 - used } }
        let excluded = Set(problem.forbidden).union(problem.locked)
        let big = 1 << 40
        let n = p.needCount, m = p.expertCount
        let e = p.enterpriseCap.count, r = p.regionQuota.count, u = p.unitQuota.count
        // nodes: 0 source, 1 sink, regions, enterprises, needs, experts, units
        let rb = 2, eb = rb + r, nb = eb + e, xb = nb + n, ub = xb + m
        var arcs: [Arc] = []
        var out = [[Int]](repeating: [], count: ub + u)
        func add(_ a: Int, _ b: Int, _ cap: Int, _ cost: Int) {
            out[a].append(arcs.count)
            arcs.append(Arc(to: b, capacity: cap, cost: cost))
            out[b].append(arcs.count)
            arcs.append(Arc(to: a, capacity: 0, cost: -cost))
        }
        for k in 0..<r { add(0, rb + k, p.regionQuota[k] ?? big, 0) }
        for k in 0..<e { add(r > 0 ? rb + p.enterpriseRegion[k] : 0, eb + k, p.enterpriseCap[k] ?? big, 0) }
        for i in 0..<n { add(e > 0 ? eb + p.needEnterprise[i] : 0, nb + i, p.needDemand[i], 0) }
        for edge in p.edges where !excluded.contains(AssignmentPair(need: Int(edge.need), expert: Int(edge.expert))) {
            add(nb + Int(edge.need), xb + Int(edge.expert), 1, -Int(edge.score))
        }
        for j in 0..<m { add(xb + j, u > 0 ? ub + p.expertUnit[j] : 1, p.expertCapacity[j], 0) }
        for k in 0..<u { add(ub + k, 1, p.unitQuota[k] ?? big, 0) }
        var filled = 0, cost = 0
        while true {
            var dist = [Int](repeating: Int.max, count: out.count)
            var via = [Int](repeating: -1, count: out.count)
            dist[0] = 0
            var changed = true
            while changed {
                changed = false
                for v in 0..<out.count where dist[v] != Int.max {
                    for a in out[v] where arcs[a].capacity > 0 && dist[v] + arcs[a].cost < dist[arcs[a].to] {
                        dist[arcs[a].to] = dist[v] + arcs[a].cost
                        via[arcs[a].to] = a
                        changed = true
                    }
                }
            }
            guard dist[1] != Int.max else { break }
            var v = 1
            var amount = Int.max
            while v != 0 {
                amount = min(amount, arcs[via[v]].capacity)
                v = arcs[via[v] ^ 1].to
            }
            v = 1
            while v != 0 {
                arcs[via[v]].capacity -= amount
                arcs[via[v] ^ 1].capacity += amount
                v = arcs[via[v] ^ 1].to
            }
            filled += amount
            cost += amount * dist[1]
        }
        return (filled + problem.locked.count, lockScore - cost)
    }
}
