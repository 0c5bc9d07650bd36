import ArgumentParser

/// The `kczy` executable: the 科创专员 dispatch and matching service.
@main
struct KczyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kczy",
        abstract: "Dispatch and matching service for the 科创专员 (technology commissioner) program.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoDataCommand.self, MatchCommand.self, BatchCommand.self,
        ])
}
