import Foundation
import LibPQ
import TestSupport
import Testing

@Suite("Value round trips through a real table")
struct ValueRoundTripTests {
    struct Profile: Codable, Equatable, Sendable {
        var name: String
        var tags: [String]
        var score: Double
    }

    @Test("every supported type survives a write and a read, NULL included")
    func roundTrip() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "values")
        defer { Task { await pool.close() } }
        try await pool.withConnection { c in
            try c.simpleQuery(
                """
                CREATE TABLE v (
                    id serial PRIMARY KEY, b boolean, i bigint, i4 integer, d double precision, s text,
                    u uuid, t timestamptz, day date, money numeric(18, 2), tags text[], nums bigint[], doc jsonb,
                    raw bytea
                )
                """)
        }
        let uuid = UUID()
        let instant = Date(timeIntervalSince1970: 1_764_000_000.123456)
        let money = Decimal(string: "12345678901234.56")!
        let tags = ["碳纤维", "a,b", "quote\"d", "back\\slash", "", "NULL", "🚀 emoji", "{brace}"]
        let doc = PGJSON(Profile(name: "张三 🧪", tags: ["复合材料"], score: 0.875))
        let hostile = "'; drop table x; --"
        let id = try await pool.query(
            """
            INSERT INTO v (b, i, i4, d, s, u, t, day, money, tags, nums, doc, raw)
            VALUES (\(true), \(Int.max), \(Int32(-7)), \(3.141592653589793), \(hostile), \(uuid), \(instant),
                    \(PGDate(year: 2026, month: 2, day: 28)), \(money), \(tags), \([1, -2, Int.min]), \(doc),
                    \(PGBytes([0, 1, 0xfe, 0xff])))
            RETURNING id
            """
        ).scalar(Int.self)
        let row = try await pool.query("SELECT * FROM v WHERE id = \(id)")[0]
        #expect(try row.decode("b", as: Bool.self) == true)
        #expect(try row.decode("i", as: Int.self) == Int.max)
        #expect(try row.decode("i4", as: Int32.self) == -7)
        #expect(try row.decode("d", as: Double.self) == 3.141592653589793)
        #expect(try row.decode("s", as: String.self) == hostile)
        #expect(try row.decode("u", as: UUID.self) == uuid)
        let t = try row.decode("t", as: Date.self)
        #expect(abs(t.timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
        #expect(try row.decode("day", as: PGDate.self) == PGDate(year: 2026, month: 2, day: 28))
        #expect(try row.decode("money", as: Decimal.self) == money)
        #expect(try row.decode("tags", as: [String].self) == tags)
        #expect(try row.decode("nums", as: [Int].self) == [1, -2, Int.min])
        #expect(try row.decode("doc", as: PGJSON<Profile>.self).value == doc.value)
        #expect(try row.decode("raw", as: PGBytes.self) == PGBytes([0, 1, 0xfe, 0xff]))
        // The hostile string was stored literally, and the table it names a drop for still exists.
        let stored = try await pool.query("SELECT count(*) FROM v WHERE s = \(hostile)").scalar(Int.self)
        #expect(stored == 1)

        let nullID = try await pool.query(
            "INSERT INTO v (b, i, s, u, t, tags, doc) VALUES (\(Bool?.none), \(Int?.none), \(String?.none), \(UUID?.none), \(Date?.none), \([String]?.none), \(PGJSON<Profile>?.none)) RETURNING id"
        ).scalar(Int.self)
        let nulls = try await pool.query("SELECT * FROM v WHERE id = \(nullID)")[0]
        #expect(try nulls.decode("b", as: Bool?.self) == nil)
        #expect(try nulls.decode("i", as: Int?.self) == nil)
        #expect(try nulls.decode("s", as: String?.self) == nil)
        #expect(try nulls.decode("u", as: UUID?.self) == nil)
        #expect(try nulls.decode("t", as: Date?.self) == nil)
        #expect(try nulls.decode("tags", as: [String]?.self) == nil)
        #expect(try nulls.decode("doc", as: PGJSON<Profile>?.self) == nil)
    }

    @Test("special floating-point values and time-zone offsets decode")
    func specialValues() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "values")
        defer { Task { await pool.close() } }
        let r = try await pool.query(
            "SELECT \(Double.infinity)::float8, \(-Double.infinity)::float8, \(Double.nan)::float8, '2026-11-29 08:00:00+08'::timestamptz, '2024-02-29'::date"
        )[0]
        #expect(try r.decode(0, as: Double.self) == .infinity)
        #expect(try r.decode(1, as: Double.self) == -.infinity)
        #expect(try r.decode(2, as: Double.self).isNaN)
        #expect(try r.decode(3, as: Date.self) == Date(timeIntervalSince1970: 1_795_910_400))
        #expect(try r.decode(4, as: PGDate.self) == PGDate(year: 2024, month: 2, day: 29))
    }

    @Test("decoding into the wrong type is an error, not a crash or a guess")
    func wrongType() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "values")
        defer { Task { await pool.close() } }
        let r = try await pool.query("SELECT 'abc'::text AS s, 42::int AS n, NULL::int AS missing")[0]
        #expect(throws: PGError.self) { try r.decode("s", as: Int.self) }
        #expect(throws: PGError.self) { try r.decode("n", as: String.self) }
        #expect(throws: PGError.self) { try r.decode("n", as: Bool.self) }
        #expect(throws: PGError.self) { try r.decode("missing", as: Int.self) }
        #expect(throws: PGError.self) { try r.decode("nope", as: Int.self) }
        #expect(throws: PGError.self) { try r.decode(7, as: Int.self) }
        #expect(try r.decode("missing", as: Int?.self) == nil)
        do {
            _ = try r.decode("s", as: Int.self)
        } catch let e as PGError {
            #expect(e.kind == .decoding)
            #expect(e.message.contains("column s"))
        }
    }

    @Test("calendar arithmetic matches PostgreSQL across eras and leap years")
    func calendar() async throws {
        let (pool, _) = try await TestDatabase.makeEmpty(prefix: "values")
        defer { Task { await pool.close() } }
        let rows = try await pool.query(
            "SELECT d::date, (d::date - '1970-01-01'::date)::int8 FROM unnest(ARRAY['1900-03-01','1969-12-31','2000-02-29','2100-12-31','2026-11-29']) AS d"
        )
        for row in rows {
            let day = try row.decode(0, as: PGDate.self)
            #expect(day.daysSinceEpoch == (try row.decode(1, as: Int.self)))
        }
        #expect(PGDate("2026-02-29") == nil)
        #expect(PGDate("2026-13-01") == nil)
    }
}
