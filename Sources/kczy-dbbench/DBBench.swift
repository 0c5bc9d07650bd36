import Foundation
import LibPQ
import NIOCore

/// Database-layer benchmark: simple-select round trips through the pool, and COPY throughput.
///
/// Run by `scripts/bench-db.sh`, which starts a private cluster, loads `pgbench -i`, runs pgbench and psql
/// side by side, and prints the ratios. Standalone use:
///   kczy-dbbench select --concurrency 8 --seconds 10
///   kczy-dbbench copy --file rows.tsv
@main
struct DBBench {
    static func main() async throws {
        let args = Array(CommandLine.arguments.dropFirst())
        func value(_ name: String, _ fallback: String) -> String {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return fallback }
            return args[i + 1]
        }
        let settings = PGConnectionSettings(connectionString: ProcessInfo.processInfo.environment["KCZY_DATABASE_URL"])
        switch args.first {
        case "select":
            let concurrency = Int(value("--concurrency", "1")) ?? 1
            let seconds = Double(value("--seconds", "10")) ?? 10
            let scale = Int(value("--scale", "10")) ?? 10
            try await selectBench(settings, concurrency: concurrency, seconds: seconds, accounts: scale * 100_000)
        case "copy":
            try await copyBench(settings, file: value("--file", "rows.tsv"), table: value("--table", "copy_bench"))
        default:
            print("usage: kczy-dbbench select --concurrency N --seconds S [--scale K] | copy --file F [--table T]")
        }
    }

    static func selectBench(_ settings: PGConnectionSettings, concurrency: Int, seconds: Double, accounts: Int)
        async throws
    {
        let pool = PGPool(.init(settings: settings, maxConnections: concurrency, acquireTimeout: .seconds(30)))
        _ = try await pool.query("SELECT 1")
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let start = ContinuousClock.now
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var rng = SplitMix(seed: UInt64(worker + 1))
                    var n = 0
                    while ContinuousClock.now < deadline {
                        let aid = Int(rng.next() % UInt64(accounts)) + 1
                        _ = try await pool.query("SELECT abalance FROM pgbench_accounts WHERE aid = \(aid)")
                            .scalar(Int.self)
                        n += 1
                    }
                    return n
                }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = ContinuousClock.now - start
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            String(format: "select concurrency=%d transactions=%d tps=%.0f", concurrency, total, Double(total) / secs))
        await pool.close()
    }

    static func copyBench(_ settings: PGConnectionSettings, file: String, table: String) async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            print("cannot read \(file)")
            return
        }
        let bytes = [UInt8](data)
        let pool = PGPool(.init(settings: settings, maxConnections: 1))
        try await pool.execute("TRUNCATE \(unsafeRaw: table)")
        let start = ContinuousClock.now
        let rows = try await pool.withConnection { c in
            try c.copyIn("COPY \(table) FROM STDIN") { w in
                // Stream the file in 1 MiB pieces, as psql's \copy does.
                var i = 0
                while i < bytes.count {
                    let end = min(i + (1 << 20), bytes.count)
                    try w.appendRaw(bytes[i..<end])
                    i = end
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "copy rows=%d seconds=%.3f rows_per_s=%.0f", rows, secs, Double(rows) / secs))

        // The same rows again, formatted field by field through appendRow (what imports do).
        try await pool.execute("TRUNCATE \(unsafeRaw: table)")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) as String? }
        }
        let start2 = ContinuousClock.now
        let rows2 = try await pool.withConnection { c in
            try c.copyIn("COPY \(table) FROM STDIN") { w in
                for fields in lines { try w.appendRow(fields) }
            }
        }
        let elapsed2 = ContinuousClock.now - start2
        let secs2 = Double(elapsed2.components.seconds) + Double(elapsed2.components.attoseconds) / 1e18
        print(String(format: "copy-rows rows=%d seconds=%.3f rows_per_s=%.0f", rows2, secs2, Double(rows2) / secs2))
        await pool.close()
    }
}

/// Small deterministic PRNG, so runs pick the same account ids.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
