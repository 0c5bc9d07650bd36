import ArgumentParser
import Batches
import Hummingbird
import LibPQ
import Storage
import Web

/// `kczy serve`: runs the web UI and API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the web UI and API (refuses to start while migrations are pending).",
        discussion: databaseHelp)

    @OptionGroup var options: CommonOptions

    @Flag(help: "Apply pending migrations before serving instead of refusing to start.")
    var migrate = false

    func run() async throws {
        let config = try options.resolve()
        let logger = config.logger("kczy")
        let migrator = try Migrator(directory: config.sqlDirectory, logger: logger)
        let pool = PGPool(config.poolConfiguration, logger: logger)
        do {
            if migrate {
                try await migrator.migrate(pool)
            } else {
                // A newer release may have migrated already (rolling upgrade): serve, and say so.
                let s = try await migrator.requireCurrent(pool, allowNewer: true)
                if !s.newer.isEmpty {
                    logger.warning(
                        "the database is ahead of this release",
                        metadata: ["newer": "\(s.newer.joined(separator: ","))"])
                }
            }
        } catch {
            await pool.close()
            throw CLIError(error, hint: migrate ? nil : "run `kczy migrate` or start with `kczy serve --migrate`")
        }
        let pages: PageRenderer
        do {
            pages = try await PageRenderer(directory: config.templatesDirectory)
        } catch {
            await pool.close()
            throw CLIError(error, hint: "run from the repository root or set KCZY_TEMPLATES_DIR")
        }
        let app = buildApplication(
            WebDependencies(
                pool: pool, migrator: migrator, logger: logger, pages: pages, secureCookies: config.secureCookies,
                needValidityDays: config.needValidityDays == 0 ? nil : config.needValidityDays,
                rateLimit: config.rateLimit, reportCacheSeconds: Double(config.reportCacheSeconds),
                metricsToken: config.metricsToken),
            host: config.host, port: config.port,
            services: config.batchWorker ? [BatchWorker(pool: pool, logger: logger)] : [])
        try await app.runService()
    }
}
