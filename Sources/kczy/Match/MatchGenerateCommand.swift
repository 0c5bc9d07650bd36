import ArgumentParser
import Foundation
import Matching

/// `generate`: writes a deterministic synthetic pool of needs and experts as JSONL.
struct MatchGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write DIR/needs.jsonl and DIR/experts.jsonl, a realistic synthetic pool fixed by --seed."
    )

    @Option(name: .long, help: "Number of needs.")
    var needs: Int

    @Option(name: .long, help: "Number of experts.")
    var experts: Int

    @Option(name: .long, help: "Seed; the same seed and sizes give the same files byte for byte.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Output directory (created if missing).")
    var out: String

    func validate() throws {
        guard needs >= 0, experts >= 0 else { throw ValidationError("--needs and --experts must not be negative") }
    }

    func run() throws {
        let pool = SyntheticPoolGenerator(seed: seed).generate(needs: needs, experts: experts)
        try pool.write(to: out)
    }
}
