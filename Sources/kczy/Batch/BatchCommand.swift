import ArgumentParser
import Batches
import Foundation
import LibPQ
import Logging
import Storage

/// `kczy batch run ID`: runs one batch in this process and exits (operators, benchmarks).
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Operate on match batches.", subcommands: [BatchRunCommand.self])
}

struct BatchRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Queue a created or failed batch and run it here, logging each phase's time and peak memory.",
        discussion: databaseHelp)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The batch id.")
    var id: Int

    func run() async throws {
        let config = try options.resolve()
        let logger = config.logger("kczy.batch")
        let pool = PGPool(config.poolConfiguration, logger: logger)
        defer { Task { await pool.close() } }
        do {
            let store = BatchStore(pool: pool)
            _ = try await store.queueFromCommandLine(id)
            let worker = BatchWorker(pool: pool, logger: logger, owner: "cli:\(getpid())")
            // Other processes may be polling too; run until this batch is no longer queued or running.
            while true {
                let rows = try await pool.query("SELECT status, run_error FROM match_batch WHERE id = \(id)")
                let status = try rows[0].decode(0, as: String.self)
                if status == "queued" {
                    _ = try await worker.runOnce(only: id)
                    continue
                }
                if status == "running" {
                    try await Task.sleep(for: .seconds(1))
                    continue
                }
                print("batch \(id): \(status)\((try rows[0].decode(1, as: String?.self)).map { " (\($0))" } ?? "")")
                if status != "proposals_ready" { throw ExitCode(1) }
                return
            }
        } catch let e as ExitCode {
            await pool.close()
            throw e
        } catch {
            await pool.close()
            throw CLIError(error)
        }
    }
}
