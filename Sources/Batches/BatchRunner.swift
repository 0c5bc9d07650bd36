import Domain
import Foundation
import LibPQ
import Logging
import Matching
import Metrics
import NIOConcurrencyHelpers
import NIOPosix
import ServiceLifecycle
import Storage

/// Runs one claimed batch: load → score → feasibility → solve → write, reporting progress as it goes and stopping
/// as soon as the batch is cancelled or another process has taken it over.
struct BatchRunner: Sendable {
    let pool: PGPool
    let batches: BatchStore
    let owner: String
    let logger: Logger
    var heartbeatInterval: Duration = .seconds(5)

    struct Stopped: Error {}
    /// The process is shutting down gracefully before the run reached its write.
    struct ShuttingDown: Error {}

    /// Shared between the run and its heartbeat task.
    final class RunState: Sendable {
        let phase = NIOLockedValueBox(("claimed", [String: Int]()))
        let stopped = NIOLockedValueBox(false)
    }

    func run(_ batch: StoredBatch) async {
        let state = RunState()
        let beat = Task {
            while !Task.isCancelled {
                let (phase, progress) = state.phase.withLockedValue { $0 }
                if let alive = try? await batches.heartbeat(batch.id, owner: owner, phase: phase, progress: progress),
                    !alive
                {
                    state.stopped.withLockedValue { $0 = true }
                    return
                }
                try? await Task.sleep(for: heartbeatInterval)
            }
        }
        defer { beat.cancel() }
        let started = ContinuousClock.now
        var outcome = "failed"
        defer {
            Timer(label: "kczy_batch_duration_seconds", dimensions: [("outcome", outcome)])
                .recordNanoseconds(Int64((ContinuousClock.now - started) / .nanoseconds(1)))
        }
        do {
            let result = try await compute(batch, state)
            let writeStart = ContinuousClock.now
            if try await batches.complete(batch.id, owner: owner, result: result) {
                outcome = "completed"
                logger.info(
                    "batch done",
                    metadata: [
                        "batch": "\(batch.id)", "proposals": "\(result.pairs.count)",
                        "write_seconds": "\(String(format: "%.2f", (ContinuousClock.now - writeStart) / .seconds(1)))",
                        "peak_rss_mb": "\(Self.peakResidentMB())",
                    ])
            } else {
                logger.notice("batch lost before writing (cancelled or taken over)", metadata: ["batch": "\(batch.id)"])
            }
        } catch is ShuttingDown {
            // Hand the batch back rather than hold up the shutdown (a stop timeout would kill the process mid-run
            // and leave the batch to wait for its heartbeat to go stale): another process claims it at its next poll.
            outcome = "released"
            let released = (try? await batches.release(batch.id, owner: owner)) ?? false
            logger.notice(
                "batch handed back: shutting down", metadata: ["batch": "\(batch.id)", "released": "\(released)"])
        } catch is Stopped {
            outcome = "stopped"
            logger.notice("batch run stopped (cancelled or taken over)", metadata: ["batch": "\(batch.id)"])
        } catch {
            logger.error("batch failed", metadata: ["batch": "\(batch.id)", "error": "\(error)"])
            try? await batches.fail(batch.id, owner: owner, reason: "\(error)")
        }
    }

    func compute(_ batch: StoredBatch, _ state: RunState) async throws -> BatchResult {
        var last = (name: "claimed", at: ContinuousClock.now)
        func phase(_ name: String, _ progress: [String: Int] = [:]) throws {
            if state.stopped.withLockedValue({ $0 }) { throw Stopped() }
            // A graceful shutdown stops the run at the next phase or scoring wave, except once the solve is done:
            // writing the result takes seconds, so that run finishes.
            if name != "writing" && Task.isShuttingDownGracefully { throw ShuttingDown() }
            if name != last.name {
                // Each phase's wall time and the process's peak memory so far (VmHWM), for the batch benchmark.
                let seconds = (ContinuousClock.now - last.at) / .seconds(1)
                logger.info(
                    "batch phase done",
                    metadata: [
                        "batch": "\(batch.id)", "phase": "\(last.name)",
                        "seconds": "\(String(format: "%.2f", seconds))",
                        "peak_rss_mb": "\(Self.peakResidentMB())",
                    ])
                last = (name, .now)
            }
            state.phase.withLockedValue { $0 = (name, progress) }
        }
        let s = batch.settings
        try phase("loading")
        let input = try await pool.withTransaction(isolation: .repeatableRead, readOnly: true) { c in
            try BatchInput.load(c, batch: batch.id, settings: s)
        }
        try phase("scoring", ["needs": input.needs.count, "experts": input.experts.count])
        let ranker = CandidateRanker(experts: input.experts, settings: Self.rankingSettings(s), parallelism: 2)
        // Needs are ranked in chunks, one task per core, each with its own workspace; the order of the result is the
        // order of the needs, so the run stays deterministic.
        let records = input.needs.map(\.record)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunk = 256
        var rankings: [NeedRanking] = []
        rankings.reserveCapacity(records.count)
        var next = 0
        while next < records.count {
            let wave = stride(from: next, to: min(records.count, next + chunk * workers), by: chunk).map {
                $0..<min(records.count, $0 + chunk)
            }
            let results = try await withThrowingTaskGroup(of: (Int, [NeedRanking]).self) { group in
                for (slot, range) in wave.enumerated() {
                    group.addTask {
                        let part = try await Self.compute {
                            var workspace = ranker.makeWorkspace()
                            return records[range].map { ranker.rank($0, workspace: &workspace) }
                        }
                        return (slot, part)
                    }
                }
                var parts = [[NeedRanking]](repeating: [], count: wave.count)
                for try await (slot, part) in group { parts[slot] = part }
                return parts
            }
            for part in results { rankings.append(contentsOf: part) }
            next = wave.last?.upperBound ?? records.count
            try phase("scoring", ["needs": records.count, "scored": next])
        }
        let ranked = rankings
        let plan = try await Self.compute { BatchProblem(input: input, rankings: ranked, settings: s) }
        let problem = plan.problem
        let options = AssignmentOptions(objective: s.fairness ? .fairness : .totalScore)
        let solution: AssignmentSolution
        let shortfalls: [FeasibilityShortfall]
        if s.fairness {
            // The fairness objective's own search does not diagnose; the plain check does, on the same problem.
            try phase("feasibility", ["needs": input.needs.count])
            shortfalls = try await Self.compute { try AssignmentFeasibility.check(problem, options: options) }
            try phase("solving", ["edges": problem.edges.count])
            solution = try await Self.compute { try AssignmentSolver().solve(problem, options: options) }
        } else {
            // The total-score solve diagnoses its own shortfalls: one solve, not two.
            try phase("solving", ["edges": problem.edges.count])
            solution = try await Self.compute { try AssignmentSolver().solve(problem, options: options) }
            shortfalls = solution.shortfalls
        }
        try phase("writing", ["proposals": solution.pairs.count])
        let found = solution
        let diagnosed = shortfalls
        return try await Self.compute {
            plan.result(solution: found, shortfalls: diagnosed, alternatesPerNeed: s.alternatesPerNeed)
        }
    }

    /// Runs CPU-heavy work (ranking, solving) on NIO's shared thread pool, never on Swift's cooperative threads:
    /// those also run the HTTP handlers of the same process, which a batch of many seconds would otherwise stall.
    static func compute<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    /// The peak resident set of this process in MB (Linux `/proc/self/status` VmHWM), or -1 elsewhere.
    static func peakResidentMB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return kb / 1024
    }

    static func rankingSettings(_ s: BatchSettings) -> CandidateRankingSettings {
        func day(_ d: LocalDate) -> CalendarDay { CalendarDay(year: d.year, month: d.month, day: d.day) }
        var rules = HardRuleSettings(asOf: day(s.asOf))
        rules.termStart = day(s.termStart)
        rules.requirePhdOrSeniorTitle = s.requirePhdOrSeniorTitle
        rules.maximumAge = s.maximumAge
        rules.minimumScore = s.minimumScore
        var settings = CandidateRankingSettings(rules: rules)
        settings.topK = s.candidatesPerNeed
        var w = ScoreWeights()
        w.text = s.weights.text
        w.discipline = s.weights.discipline
        w.track = s.weights.track
        w.region = s.weights.region
        w.preference = s.weights.preference
        w.cooperation = s.weights.cooperation
        settings.weights = w
        return settings
    }
}
