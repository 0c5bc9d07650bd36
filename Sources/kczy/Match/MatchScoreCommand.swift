import ArgumentParser
import Foundation
import Glibc
import Matching

/// `score`: lists each need's top experts with explained scores, applying the hard rules.
struct MatchScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Write each need's top experts as need_id<TAB>expert_id<TAB>score<TAB>explanation-json."
    )

    @Option(name: .long, help: "Needs JSONL file (id and title required).")
    var needs: String

    @Option(name: .long, help: "Experts JSONL file (id required).")
    var experts: String

    @Option(name: .long, help: "Experts listed per need.")
    var top: Int = 10

    @Option(name: .customLong("as-of"), help: "Date the rules are checked on, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(name: .customLong("term-start"), help: "Batch term start for availability windows (default: --as-of).")
    var termStart: String?

    @Option(name: .customLong("min-score"), help: "Exclude pairs scoring below this (0…1).")
    var minScore: Double = 0

    @Option(name: .customLong("max-age"), help: "Maximum expert age on --as-of.")
    var maxAge: Int = 55

    @Option(name: .long, help: "Write excluded pairs here: need_id<TAB>expert_id<TAB>reasons (need_id * = all).")
    var excluded: String?

    @Option(name: .customLong("output"), help: "Write the scores here instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Worker threads.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .customLong("first-pass-ratio"),
        help: "Skip query terms used by more than this share of experts in the first pass (1 = never skip).")
    var firstPassRatio: Double = 0.05

    @Option(name: .customLong("pool-size"), help: "Experts fully scored per need (default max(3·top, top+50)).")
    var poolSize: Int?

    @Flag(name: .long, help: "Print phase timings to standard error.")
    var timings = false

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be positive") }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        if let asOf, CalendarDay(parsing: asOf) == nil { throw ValidationError("--as-of must be YYYY-MM-DD") }
        if let termStart, CalendarDay(parsing: termStart) == nil {
            throw ValidationError("--term-start must be YYYY-MM-DD")
        }
    }

    func run() throws {
        var rules = HardRuleSettings(asOf: asOf.flatMap(CalendarDay.init(parsing:)) ?? Self.todayUTC())
        rules.termStart = termStart.flatMap(CalendarDay.init(parsing:))
        rules.minimumScore = minScore
        rules.maximumAge = maxAge
        var settings = CandidateRankingSettings(rules: rules)
        settings.topK = top
        settings.firstPassDocumentRatio = firstPassRatio
        settings.candidatePoolSize = poolSize
        let clock = PhaseClock(enabled: timings)
        let needRecords: [NeedRecord]
        let expertRecords: [ExpertRecord]
        do {
            needRecords = try MatchInputFiles.loadNeeds(path: needs, parallelism: threads)
            expertRecords = try MatchInputFiles.loadExperts(path: experts, parallelism: threads)
        } catch let error as MatchInputError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
        clock.lap("read \(needRecords.count) needs, \(expertRecords.count) experts")
        let ranker = CandidateRanker(experts: expertRecords, settings: settings, parallelism: threads)
        clock.lap("built index: \(ranker.index.terms.count) terms")
        let scores = try OutputSink(path: output)
        let exclusions = try excluded.map { try OutputSink(path: $0) }
        exclusions?.write(ScoreOutputFormatter.expertExclusionLines(ranker.excludedExperts))
        let wantsExclusions = exclusions != nil
        ranker.rankAll(
            needRecords, parallelism: threads,
            render: { ranking in
                (
                    ScoreOutputFormatter.scoreLineBytes(ranking),
                    wantsExclusions ? ScoreOutputFormatter.exclusionLines(ranking) : ""
                )
            },
            emit: { block in
                scores.write(bytes: block.flatMap(\.0))
                exclusions?.write(block.map(\.1).joined())
            })
        scores.close()
        exclusions?.close()
        clock.lap("ranked and wrote \(needRecords.count) needs")
    }

    static func todayUTC() -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}

/// Wall-clock phase timings on standard error, when asked for.
struct PhaseClock {
    let enabled: Bool
    let start = Date()

    func lap(_ label: String) {
        guard enabled else { return }
        let seconds = Date().timeIntervalSince(start)
        let cpu = Double(clock()) / Double(CLOCKS_PER_SEC)
        let line = "[\(String(format: "%.2f", seconds)) s wall, \(String(format: "%.2f", cpu)) s CPU] \(label)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}

/// A file or standard output written in UTF-8 chunks.
final class OutputSink {
    private let handle: FileHandle
    private let ownsHandle: Bool

    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            ownsHandle = false
            return
        }
        // open(2) in place, not FileManager.createFile: that writes a temp file and renames it over the
        // target, which would replace a device such as /dev/null.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw ValidationError("cannot create \(path)") }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        ownsHandle = true
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        handle.write(Data(text.utf8))
    }

    func write(bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        handle.write(Data(bytes))
    }

    func close() {
        if ownsHandle { try? handle.close() }
    }
}
