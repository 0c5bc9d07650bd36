/// Work buffers of `MinCostFlowDijkstra.refresh`: per need its label minus potential (`needKey`) and the
/// hub slots that serve it (`firstSlot`, then `nextSlot` per slot, each slot owned by expert `owner`).
final class MinCostFlowRefreshScratch {
    let needKey: UnsafeMutablePointer<Int>
    let firstSlot: UnsafeMutablePointer<Int32>
    let nextSlot: UnsafeMutablePointer<Int32>
    let owner: UnsafeMutablePointer<Int32>

    init(needCount: Int, slotCapacity: Int) {
        needKey = .allocate(capacity: max(needCount, 1))
        firstSlot = .allocate(capacity: max(needCount, 1))
        nextSlot = .allocate(capacity: max(slotCapacity, 1))
        owner = .allocate(capacity: max(slotCapacity, 1))
    }

    deinit {
        needKey.deallocate()
        firstSlot.deallocate()
        nextSlot.deallocate()
        owner.deallocate()
    }

    /// Resets the labels of the needs below `needEnd` and links every served need to its slots.
    func indexServers(_ hubs: MinCostFlowHubIndex, needEnd: Int) {
        let needLow = hubs.needRange.lowerBound
        for i in 0..<max(needEnd - needLow, 0) {
            needKey[i] = Int.max
            firstSlot[i] = -1
        }
        for e in 0..<hubs.expertRange.count {
            let header = hubs.headers[e]
            let start = Int(header.slotStart)
            for k in start..<start + Int(header.slotCount) {
                let need = Int(hubs.slots[k].head) - needLow
                precondition(need < needEnd - needLow, "a need above the limit carries flow")
                nextSlot[k] = firstSlot[need]
                firstSlot[need] = Int32(k)
                owner[k] = Int32(hubs.expertRange.lowerBound + e)
            }
        }
    }
}
