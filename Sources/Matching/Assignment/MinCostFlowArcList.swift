/// Arc list collected before the CSR is built; `forwardIndex` receives each arc's CSR index.
struct MinCostFlowArcList {
    var tail: [Int32] = []
    var head: [Int32] = []
    var capacity: [Int32] = []
    var cost: [Int32] = []
    var forwardIndex: [Int32] = []

    init(reserve: Int) {
        tail.reserveCapacity(reserve)
        head.reserveCapacity(reserve)
        capacity.reserveCapacity(reserve)
        cost.reserveCapacity(reserve)
    }

    var count: Int { tail.count }

    /// Adds an arc and returns its position in this list.
    @discardableResult mutating func add(_ from: Int, _ to: Int, capacity: Int32, cost: Int32 = 0) -> Int {
        tail.append(Int32(from))
        head.append(Int32(to))
        self.capacity.append(capacity)
        self.cost.append(cost)
        return tail.count - 1
    }
}
