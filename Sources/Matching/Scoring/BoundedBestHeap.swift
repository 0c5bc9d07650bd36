/// Keeps the `capacity` best (value, document) pairs seen: higher value first, then lower document.
struct BoundedBestHeap {
    let capacity: Int
    // A min-heap on "goodness": the root is the worst kept entry.
    private var entries: [(value: Double, document: Int32)] = []

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        entries.reserveCapacity(self.capacity)
    }

    private static func isWorse(_ a: (value: Double, document: Int32), _ b: (value: Double, document: Int32)) -> Bool {
        a.value != b.value ? a.value < b.value : a.document > b.document
    }

    mutating func offer(value: Double, document: Int32) {
        guard capacity > 0 else { return }
        let entry = (value, document)
        if entries.count < capacity {
            entries.append(entry)
            siftUp(entries.count - 1)
        } else if Self.isWorse(entries[0], entry) {
            entries[0] = entry
            siftDown(0)
        }
    }

    /// The kept documents, best first.
    func documents() -> [Int32] {
        entries.sorted { Self.isWorse($1, $0) }.map(\.document)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.isWorse(entries[child], entries[parent]) else { return }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var worst = parent
            if left < entries.count, Self.isWorse(entries[left], entries[worst]) { worst = left }
            if right < entries.count, Self.isWorse(entries[right], entries[worst]) { worst = right }
            if worst == parent { return }
            entries.swapAt(parent, worst)
            parent = worst
        }
    }
}
