import ArgumentParser
import LibPQ
import Storage

/// `kczy migrate`: applies pending SQL migrations, or reports their state with `--status`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending database migrations from the sql/ folder.",
        discussion: databaseHelp)

    @OptionGroup var options: CommonOptions

    @Flag(help: "Only report applied and pending migrations.")
    var status = false

    func run() async throws {
        let config = try options.resolve()
        let logger = config.logger("kczy.migrate")
        let migrator = try Migrator(directory: config.sqlDirectory, logger: logger)
        let pool = PGPool(config.poolConfiguration, logger: logger)
        do {
            if status {
                let s = try await migrator.status(pool)
                print("applied: \(s.applied.count) of \(migrator.migrations.count)")
                for file in s.pending { print("pending: \(file)") }
            } else {
                let applied = try await migrator.migrate(pool)
                print(
                    applied.isEmpty
                        ? "migrations: up to date" : "migrations applied: \(applied.joined(separator: ", "))")
            }
            await pool.close()
        } catch {
            await pool.close()
            throw CLIError(error)
        }
    }
}
