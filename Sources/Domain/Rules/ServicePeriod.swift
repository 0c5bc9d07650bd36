/// A span of service as commissioner, both ends inclusive (as terms are written: 2024-03-01 至 2026-02-28).
public struct ServicePeriod: Sendable, Codable, Equatable, Hashable {
    public var start: LocalDate
    public var end: LocalDate

    /// Returns nil when `end` is before `start`.
    public init?(start: LocalDate, end: LocalDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// A term of `years` whole years from `start`: ends the day before the anniversary.
    public static func term(startingOn start: LocalDate, years: Int) -> ServicePeriod {
        ServicePeriod(start: start, end: start.adding(years: max(1, years)).adding(days: -1))!
    }

    /// The half-open span in "service days", a day count that skips 29 February.
    ///
    /// Skipping leap days makes every calendar year exactly 365 service days, so three two-year
    /// terms make exactly 6 years whichever leap years they cross.
    var serviceDays: Range<Int> {
        ServicePeriod.serviceDay(start)..<ServicePeriod.serviceDay(end.adding(days: 1))
    }

    static func serviceDay(_ date: LocalDate) -> Int {
        let y = date.year - 1
        var leapDaysBefore = y / 4 - y / 100 + y / 400
        if LocalDate.isLeapYear(date.year), date.month >= 3 { leapDaysBefore += 1 }
        return date.dayNumber - leapDaysBefore
    }
}
