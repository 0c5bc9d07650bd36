import Foundation
import LibPQ
import TestSupport
import Testing

@Suite("COPY FROM STDIN")
struct CopyTests {
    @Test("100,000 rows arrive intact, escapes and NULLs included")
    func bulk() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "copy")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE bulk (id int PRIMARY KEY, name text, note text)")
        let n = 100_000
        let stored = try await pool.withConnection { c in
            try c.copyIn("COPY bulk (id, name, note) FROM STDIN") { w in
                for i in 0..<n {
                    try w.appendRow([String(i), "专家\(i)", i % 10 == 0 ? nil : "tab\there\nline\\slash\r"])
                }
            }
        }
        #expect(stored == n)
        let summary = try await pool.query(
            "SELECT count(*), count(note), sum(id)::int8, min(name), max(length(note)) FROM bulk")[0]
        #expect(try summary.decode(0, as: Int.self) == n)
        #expect(try summary.decode(1, as: Int.self) == n - n / 10)
        #expect(try summary.decode(2, as: Int.self) == n * (n - 1) / 2)
        #expect(try summary.decode(3, as: String.self) == "专家0")
        let note = try await pool.query("SELECT note FROM bulk WHERE id = 7").scalar(String.self)
        #expect(note == "tab\there\nline\\slash\r")
    }

    @Test("an error thrown while writing aborts the COPY and stores nothing")
    func abort() async throws {
        struct Stop: Error {}
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "copy")
        defer { Task { await pool.close() } }
        try await pool.execute("CREATE TABLE bulk (id int PRIMARY KEY)")
        await #expect(throws: Stop.self) {
            try await pool.withConnection { c in
                try c.copyIn("COPY bulk FROM STDIN") { w in
                    for i in 0..<50_000 { try w.appendRow([String(i)]) }
                    throw Stop()
                }
            }
        }
        #expect(try await pool.query("SELECT count(*) FROM bulk").scalar(Int.self) == 0)
        // A duplicate key fails the whole COPY with the server's SQLSTATE.
        do {
            try await pool.withConnection { c in
                try c.copyIn("COPY bulk FROM STDIN") { w in
                    try w.appendRow(["1"])
                    try w.appendRow(["1"])
                }
            }
            Issue.record("expected a unique violation")
        } catch let e as PGError {
            #expect(e.sqlState == PGError.State.uniqueViolation)
        }
        #expect(try await pool.query("SELECT count(*) FROM bulk").scalar(Int.self) == 0)
    }
}
