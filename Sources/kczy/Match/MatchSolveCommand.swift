import ArgumentParser
import Foundation
import Matching

/// `solve`: reads a bench instance directory, solves it exactly and writes `need_id<TAB>expert_id` lines.
struct MatchSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an assignment instance (edges.tsv, experts.tsv, needs.tsv) exactly."
    )

    @Option(
        name: .long, help: "Instance directory (edges.tsv, experts.tsv, needs.tsv; optional locked.tsv, forbidden.tsv)."
    )
    var instance: String

    @Option(name: .long, help: "Solution file to write (need_id<TAB>expert_id per line).")
    var out: String

    @Flag(name: .long, help: "Maximise the lowest filled score first, then the total score.")
    var fairness = false

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let files = SolverInstanceIO.Files(
            edges: try Self.read(instance, "edges.tsv"),
            experts: try Self.read(instance, "experts.tsv"),
            needs: try Self.read(instance, "needs.tsv"),
            locked: try Self.readIfPresent(instance, "locked.tsv"),
            forbidden: try Self.readIfPresent(instance, "forbidden.tsv"),
            directory: instance
        )
        let problem = try SolverInstanceIO.parse(files)
        let parsed = clock.now
        let options = AssignmentOptions(objective: fairness ? .fairness : .totalScore)
        let solution = try AssignmentSolver().solve(problem, options: options)
        let solved = clock.now
        let bytes = SolverInstanceIO.format(solution.pairs)
        // Written in place, never via temp file + rename: `--out /dev/null` must not replace the device.
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: out))
        } catch {
            throw ValidationError("cannot write \(out): \(error.localizedDescription)")
        }
        let written = clock.now
        print(
            "objective=\(solution.totalScore) filled=\(solution.filledSlots)/\(solution.demandedSlots) "
                + "unfilled_needs=\(solution.shortfalls.count) read=\(Self.seconds(parsed - start))s "
                + "solve=\(Self.seconds(solved - parsed))s write=\(Self.seconds(written - solved))s")
    }

    private static func read(_ directory: String, _ name: String) throws -> [UInt8] {
        let path = directory + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        return [UInt8](data)
    }

    private static func readIfPresent(_ directory: String, _ name: String) throws -> [UInt8]? {
        FileManager.default.fileExists(atPath: directory + "/" + name) ? try read(directory, name) : nil
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.3f", value)
    }
}
