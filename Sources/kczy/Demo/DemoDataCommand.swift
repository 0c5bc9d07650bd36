import ArgumentParser
import Auth
import DemoData
import Domain
import Foundation
import LibPQ
import Storage

/// `kczy demo-data`: loads the deterministic demo data set and prints the demo accounts.
struct DemoDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Load the demo data set (about 300 enterprises, 21 units, 800 experts, 500 needs) into the database.",
        discussion: databaseHelp)

    @OptionGroup var options: CommonOptions

    @Flag(help: "Do nothing when the database already has organizations (what `make run` uses).")
    var ifEmpty = false

    @Flag(help: "Load only the intake data: no past dispatches, service logs, outcomes or assessments.")
    var noHistory = false

    @Option(help: "Random seed; the same seed gives the same data.")
    var seed: UInt64 = 2026

    @Option(help: "The date the data is generated for (deadlines, ages), YYYY-MM-DD. Default: today (UTC).")
    var today: String?

    func run() async throws {
        let config = try options.resolve()
        let day: LocalDate
        if let today {
            guard let parsed = LocalDate(today) else {
                throw ArgumentParser.ValidationError("--today: \(today) is not YYYY-MM-DD")
            }
            day = parsed
        } else {
            day = LocalDate(PGDate(Date()).description)!
        }
        let pool = PGPool(config.poolConfiguration, logger: config.logger("kczy.demo"))
        do {
            try await Migrator(directory: config.sqlDirectory).requireCurrent(pool)
            let existing = try await pool.query("SELECT count(*) FROM organization").scalar(Int.self)
            if existing > 0 {
                await pool.close()
                if ifEmpty {
                    print("demo-data: the database already has \(existing) organizations; nothing loaded")
                    return
                }
                throw ArgumentParser.ValidationError(
                    "the database already has \(existing) organizations; demo data needs an empty one")
            }
            let data = DemoDataSet.generate(seed: seed, today: day)
            let loader = DemoDataLoader(data: data, hasher: PasswordHasher())
            let history = noHistory ? nil : DemoHistory(today: day)
            let (counts, past) = try await pool.withTransaction { c in
                (try loader.load(c), try history?.load(c))
            }
            await pool.close()
            print(
                "demo-data: loaded \(counts.organizations) organizations, \(counts.experts) experts, \(counts.needs) needs, "
                    + "\(counts.conflicts) conflicts, \(counts.cooperations) cooperations, \(counts.accounts) accounts")
            if let past {
                print(
                    "demo-data: history of \(past.assignments) dispatches, \(past.serviceLogs) service logs, "
                        + "\(past.outcomes) outcomes")
            }
            print("demo accounts (username / password / role):")
            for a in data.accounts { print("  \(a.username) / \(a.password) / \(a.role.code)") }
        } catch let error as ArgumentParser.ValidationError {
            await pool.close()
            throw error
        } catch {
            await pool.close()
            throw CLIError(error)
        }
    }
}
