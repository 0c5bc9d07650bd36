import DemoData
import Domain

/// The data set under test, generated once for all suites.
enum Fixture {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!
    static let data = DemoDataSet.generate(today: today)
}
