import Foundation

/// A calendar date without time or zone (`date`).
public struct PGDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let u = Array(text.utf8)
        var i = 0
        guard let y = CivilTime.number(u, &i), i < u.count, u[i] == 45 else { return nil }
        i += 1
        guard let m = CivilTime.number(u, &i, maxDigits: 2), i < u.count, u[i] == 45 else { return nil }
        i += 1
        guard let d = CivilTime.number(u, &i, maxDigits: 2), i == u.count else { return nil }
        let candidate = PGDate(year: y.value, month: m.value, day: d.value)
        guard (1...12).contains(m.value), (1...31).contains(d.value),
            PGDate(daysSinceEpoch: candidate.daysSinceEpoch) == candidate
        else { return nil }
        self = candidate
    }

    public init(daysSinceEpoch: Int) {
        let c = CivilTime.civil(days: daysSinceEpoch)
        self.init(year: c.year, month: c.month, day: c.day)
    }

    public var daysSinceEpoch: Int { CivilTime.days(year: year, month: month, day: day) }

    public func adding(days: Int) -> PGDate { PGDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int { ((daysSinceEpoch % 7) + 7 + 3) % 7 + 1 }

    public var description: String {
        "\(CivilTime.pad(year, 4))-\(CivilTime.pad(month, 2))-\(CivilTime.pad(day, 2))"
    }

    public static func < (a: PGDate, b: PGDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// The UTC calendar date of an instant.
    public init(_ date: Date) {
        self.init(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = PGDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension PGDate: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.date }
    public var pgText: String? { description }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.date] }
    public static func pgDecode(text: String) -> PGDate? { PGDate(text) }
}

extension Date: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.timestamptz }

    /// ISO 8601 in UTC with microseconds, PostgreSQL's own precision.
    public var pgText: String? {
        let micros = Int((timeIntervalSince1970 * 1_000_000).rounded())
        let (days, rest) = micros.quotientAndRemainderFloored(dividingBy: 86_400_000_000)
        let d = PGDate(daysSinceEpoch: days)
        let secs = rest / 1_000_000
        let frac = rest % 1_000_000
        return "\(d) \(CivilTime.pad(secs / 3600, 2)):\(CivilTime.pad(secs / 60 % 60, 2)):"
            + "\(CivilTime.pad(secs % 60, 2)).\(CivilTime.pad(frac, 6))+00"
    }

    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.timestamptz, PGOID.timestamp] }

    /// Parses ISO DateStyle output such as `2026-11-29 08:15:00.25+08` or `…+05:30`; no offset means UTC.
    public static func pgDecode(text: String) -> Date? {
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        let u = Array(text.utf8)
        guard u.count >= 19, let day = PGDate(String(decoding: u[0..<10], as: UTF8.self)),
            u[10] == 32 || u[10] == 84
        else { return nil }
        var i = 11
        guard let h = CivilTime.number(u, &i, maxDigits: 2), i < u.count, u[i] == 58 else { return nil }
        i += 1
        guard let mi = CivilTime.number(u, &i, maxDigits: 2), i < u.count, u[i] == 58 else { return nil }
        i += 1
        guard let s = CivilTime.number(u, &i, maxDigits: 2) else { return nil }
        var micros = 0
        if i < u.count, u[i] == 46 {
            i += 1
            guard let f = CivilTime.number(u, &i, maxDigits: 6) else { return nil }
            micros = f.value * [1, 100_000, 10_000, 1000, 100, 10, 1][f.digits]
        }
        var offset = 0
        if i < u.count, u[i] == 43 || u[i] == 45 {
            let sign = u[i] == 43 ? 1 : -1
            i += 1
            guard let oh = CivilTime.number(u, &i, maxDigits: 2) else { return nil }
            var om = 0
            var os = 0
            if i < u.count, u[i] == 58 {
                i += 1
                om = CivilTime.number(u, &i, maxDigits: 2)?.value ?? 0
            }
            if i < u.count, u[i] == 58 {
                i += 1
                os = CivilTime.number(u, &i, maxDigits: 2)?.value ?? 0
            }
            offset = sign * (oh.value * 3600 + om * 60 + os)
        }
        guard i == u.count else { return nil }
        let seconds = day.daysSinceEpoch * 86_400 + h.value * 3600 + mi.value * 60 + s.value - offset
        return Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
    }
}

extension Int {
    fileprivate func quotientAndRemainderFloored(dividingBy d: Int) -> (Int, Int) {
        var (q, r) = quotientAndRemainder(dividingBy: d)
        if r < 0 {
            q -= 1
            r += d
        }
        return (q, r)
    }
}
