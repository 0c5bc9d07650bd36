extension MinCostFlowDijkstra {
    /// Tightens every potential at once: a backward Dijkstra from `target` over reduced costs, restricted
    /// to nodes `>= lowestNode`, then `potential -= min(δ, Δ)` where δ is a node's reduced distance to the
    /// target and Δ the largest one found (the cap keeps unreachable nodes valid).
    ///
    /// Reduced costs stay non-negative and potentials only decrease, so the warm start's need ceilings stay
    /// upper bounds. Afterwards every node that can reach the target has a tight path to it, so the next
    /// searches only explore what later augmentations changed instead of rediscovering stale potentials.
    ///
    /// Need nodes never enter the heap: a need's only way back towards the target is through the experts
    /// serving it, so an improved need label is passed straight on to those experts (the heap then holds
    /// experts, units and the target only). Need nodes `>= needLimit` must carry no flow: they have no
    /// incoming residual arc, so they are left as they are (their outgoing reduced costs only grow).
    func refresh(to target: Int, lowestNode: Int, needLimit: Int) {
        guard let hubs = graph.hubs, let packed = graph.packedArcs?.words else { return }
        let gen = nextGeneration()
        let doneGen = gen + 1
        let nodes = nodes
        let scratch = refreshScratch
        let key = scratch.needKey
        let first = graph.first
        let head = graph.head
        let residual = graph.residual
        let cost = graph.cost
        let mate = graph.mate
        let needLow = hubs.needRange.lowerBound
        let hubLow = hubs.expertRange.lowerBound
        let hubHigh = hubs.expertRange.upperBound
        let needEnd = min(needLimit, hubLow)
        let slots = hubs.slots
        scratch.indexServers(hubs, needEnd: needEnd)
        var heap = heap
        defer { self.heap = heap }
        heap.reset()
        var poppedCount = 0
        nodes[target].dist = 0
        nodes[target].stamp = gen
        heap.push(dist: 0, node: target)
        // Relaxes the residual arc u→v (cost `arcCost`) backwards from v, whose label minus its potential
        // is `base`: the reduced distance of u is `arcCost + potential(u) - potential(v) + dist(v)`.
        @inline(__always) func relax(_ u: Int, _ arcCost: Int, _ base: Int) {
            if u < lowestNode && u != target { return }
            let node = nodes + u
            if node.pointee.stamp == doneGen { return }
            let nd = arcCost + node.pointee.potential + base
            if node.pointee.stamp == gen && nd >= node.pointee.dist { return }
            precondition(nd >= 0 && nd < 1 << 37, "reduced distance out of range")
            node.pointee.stamp = gen
            node.pointee.dist = nd
            heap.push(dist: nd, node: u)
        }
        var last = 0
        while let v = heap.pop() {
            let node = nodes + v
            if node.pointee.stamp == doneGen { continue }
            node.pointee.stamp = doneGen
            popped[poppedCount] = Int32(v)
            poppedCount += 1
            last = node.pointee.dist
            let base = node.pointee.dist - node.pointee.potential
            if v >= hubLow && v < hubHigh {
                // Expert: its child, if the expert sends flow to it, and the needs that can still take it
                // (open bit of the packed reverse arcs). An expert's arcs from needs come first, in need
                // order (`MinCostFlowGraph` keeps the order of addition), so the scan stops at `needEnd`.
                if !(hubs.childrenAreSink && target == MinCostFlowNetwork.sink) {
                    let childArc = Int(hubs.headers[v - hubLow].childArc)
                    if residual[Int(mate[childArc])] > 0 { relax(Int(head[childArc]), -Int(cost[childArc]), base) }
                }
                for a in Int(first[v])..<Int(first[v + 1]) {
                    let word = packed[a]
                    let u = Int(word & MinCostFlowPackedArcs.headMask)
                    if u >= needEnd { break }
                    if u >= needLow {
                        guard word & MinCostFlowPackedArcs.openBit != 0 else { continue }
                        // `key[u]` is the need's label minus its potential.
                        let reduced = base - MinCostFlowPackedArcs.cost(word)
                        guard reduced < key[u - needLow] else { continue }
                        key[u - needLow] = reduced
                        var k = Int(scratch.firstSlot[u - needLow])
                        while k >= 0 {
                            relax(Int(scratch.owner[k]), Int(slots[k].cost), reduced)
                            k = Int(scratch.nextSlot[k])
                        }
                    }
                }
                continue
            }
            for a in Int(first[v])..<Int(first[v + 1]) where residual[Int(mate[a])] > 0 {
                relax(Int(head[a]), -Int(cost[a]), base)
            }
        }
        for k in 0..<poppedCount {
            let node = nodes + Int(popped[k])
            node.pointee.potential -= node.pointee.dist
        }
        for u in needLow..<needEnd {
            let reduced = key[u - needLow]
            let node = nodes + u
            node.pointee.potential -= reduced == Int.max ? last : min(reduced + node.pointee.potential, last)
        }
        // Other nodes the backward search did not reach move by the cap.
        for v in lowestNode..<graph.nodeCount where (v < needLow || v >= hubLow) && nodes[v].stamp != doneGen {
            nodes[v].potential -= last
        }
        if target < lowestNode && nodes[target].stamp != doneGen { nodes[target].potential -= last }
    }
}
