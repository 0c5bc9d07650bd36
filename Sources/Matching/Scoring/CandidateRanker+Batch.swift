import Dispatch

extension CandidateRanker {
    /// Ranks every need on `parallelism` threads, handing results to `emit` in input order, one block at a
    /// time, so output is identical to a one-thread run and memory stays bounded.
    public func rankAll(
        _ needs: [NeedRecord], parallelism: Int = 2, blockSize: Int = 512,
        emit: ([NeedRanking]) throws -> Void
    ) rethrows {
        try rankAll(needs, parallelism: parallelism, blockSize: blockSize, render: { $0 }, emit: emit)
    }

    /// Like `rankAll(_:parallelism:blockSize:emit:)`, but `render` (e.g. output formatting) also runs on the
    /// worker threads, and `emit` receives the rendered values in input order.
    public func rankAll<Rendered: Sendable>(
        _ needs: [NeedRecord], parallelism: Int = 2, blockSize: Int = 512,
        render: @Sendable (NeedRanking) -> Rendered, emit: ([Rendered]) throws -> Void
    ) rethrows {
        let workers = max(1, parallelism)
        let workspaces = WorkspaceShelf((0..<workers).map { _ in makeWorkspace() })
        var start = 0
        while start < needs.count {
            let end = min(needs.count, start + max(1, blockSize))
            let blockStart = start
            let slots = ChunkSlots<Rendered>(count: end - start)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var offset = worker
                while blockStart + offset < end {
                    let ranking = workspaces.withWorkspace(worker) { rank(needs[blockStart + offset], workspace: &$0) }
                    slots.store(offset, render(ranking))
                    offset += workers
                }
            }
            try emit((0..<(end - blockStart)).compactMap { slots.value($0) })
            start = end
        }
    }
}

/// One workspace per worker; each worker touches only its own slot, so no lock is needed.
final class WorkspaceShelf: @unchecked Sendable {
    private var workspaces: [RankingWorkspace]

    init(_ workspaces: [RankingWorkspace]) { self.workspaces = workspaces }

    func withWorkspace<Result>(_ worker: Int, _ body: (inout RankingWorkspace) -> Result) -> Result {
        workspaces.withUnsafeMutableBufferPointer { buffer in body(&buffer[worker]) }
    }
}
