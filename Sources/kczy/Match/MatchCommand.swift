import ArgumentParser

/// `kczy match …`: the matcher on files, for staff what-if work and comparison with other tools.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Score, solve and generate matching instances from files (no database needed).",
        subcommands: [MatchScoreCommand.self, MatchSolveCommand.self, MatchGenerateCommand.self])
}
