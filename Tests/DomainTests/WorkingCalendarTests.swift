import Foundation
import Testing

@testable import Domain

@Suite("Working days and dates")
struct WorkingCalendarTests {
    @Test func localDateMatchesFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for offset in stride(from: -40_000, through: 40_000, by: 37) {
            let date = LocalDate(dayNumber: offset)
            let reference = Date(timeIntervalSince1970: Double(offset) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: reference)
            #expect(date.year == parts.year && date.month == parts.month && date.day == parts.day)
            #expect(date.dayNumber == offset)
            // Foundation: 1 = Sunday; ISO: 7 = Sunday.
            #expect(date.isoWeekday == (parts.weekday! + 5) % 7 + 1)
        }
    }

    @Test func parsesCommonSpellings() {
        #expect(LocalDate("2026-03-01") == LocalDate(year: 2026, month: 3, day: 1))
        #expect(LocalDate("2026/3/1") == LocalDate(year: 2026, month: 3, day: 1))
        #expect(LocalDate("2026年3月1日") == LocalDate(year: 2026, month: 3, day: 1))
        #expect(LocalDate("2023-02-29") == nil)
        #expect(LocalDate("26-3-1") == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29)?.description == "2024-02-29")
    }

    @Test func fiveWorkingDaysSkipWeekend() {
        // 2026-12-03 is a Thursday: Thu, Fri, Mon, Tue, Wed.
        let window = WorkingCalendar().publicationWindow(publishedOn: day("2026-12-03"))
        #expect(day("2026-12-03").isoWeekday == 4)
        #expect(window.lowerBound == day("2026-12-03"))
        #expect(window.upperBound == day("2026-12-09"))
    }

    @Test func publishedOnSaturdayStartsMonday() {
        let window = WorkingCalendar().publicationWindow(publishedOn: day("2026-12-05"))
        #expect(window.lowerBound == day("2026-12-07"))
        #expect(window.upperBound == day("2026-12-11"))
    }

    @Test func holidaysAndMakeUpDays() {
        // National Day 2026: 1–7 October off, Saturday 10 October worked.
        let holidays = Set((1...7).map { LocalDate(year: 2026, month: 10, day: $0)! })
        let calendar = WorkingCalendar(holidays: holidays, makeUpWorkdays: [day("2026-10-10")])
        let window = calendar.publicationWindow(publishedOn: day("2026-09-30"))
        // Wed 30 Sep, Thu 8 Oct, Fri 9 Oct, Sat 10 Oct (make-up), Mon 12 Oct.
        #expect(window.upperBound == day("2026-10-12"))
        #expect(calendar.workingDays(from: window.lowerBound, through: window.upperBound) == 5)
        #expect(!calendar.isWorkingDay(day("2026-10-05")))
        #expect(calendar.isWorkingDay(day("2026-10-10")))
    }

    @Test func countingMatchesBruteForce() {
        let calendar = WorkingCalendar(holidays: [day("2027-01-01")])
        let start = day("2026-12-20")
        for n in 0..<20 {
            let end = calendar.adding(workingDays: n, to: start)
            var count = 0
            var d = start
            while d < end {
                d = d.adding(days: 1)
                if !d.isWeekend && d != day("2027-01-01") { count += 1 }
            }
            #expect(count == n)
        }
    }
}
