/// Which days are working days: Monday–Friday, minus public holidays, plus make-up working weekends (调休).
public struct WorkingCalendar: Sendable, Codable, Equatable {
    public var holidays: Set<LocalDate>
    /// Weekend days that are working days because a holiday was moved (调休上班).
    public var makeUpWorkdays: Set<LocalDate>

    public init(holidays: Set<LocalDate> = [], makeUpWorkdays: Set<LocalDate> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
    }

    enum CodingKeys: String, CodingKey {
        case holidays
        case makeUpWorkdays = "make_up_workdays"
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        if makeUpWorkdays.contains(date) { return true }
        return !date.isWeekend && !holidays.contains(date)
    }

    /// The first working day on or after `date`.
    public func workingDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The `count`-th working day after `date` (`count` 0 gives `date` itself, even if not a working day).
    public func adding(workingDays count: Int, to date: LocalDate) -> LocalDate {
        var day = date
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The number of working days from `start` through `end`, both included.
    public func workingDays(from start: LocalDate, through end: LocalDate) -> Int {
        guard start <= end else { return 0 }
        return (start.dayNumber...end.dayNumber).count { isWorkingDay(LocalDate(dayNumber: $0)) }
    }

    /// The publication window (公示期): `length` working days, the first being the publication day
    /// if that is a working day, else the next working day.
    public func publicationWindow(publishedOn date: LocalDate, length: Int = 5) -> ClosedRange<LocalDate> {
        let first = workingDay(onOrAfter: date)
        return first...adding(workingDays: max(1, length) - 1, to: first)
    }
}
