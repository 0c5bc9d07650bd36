import Domain
import Foundation
import LibPQ
import Logging
import Storage

/// Everything the web layer needs from the outside world, built once by the executable.
public struct WebDependencies: Sendable {
    public var pool: PGPool
    public var migrator: Migrator
    public var logger: Logger
    public var accounts: AccountStore
    public var organizations: OrganizationStore
    /// Today's date in the program's calendar (injected so tests control deadlines and ages).
    public var today: @Sendable () -> LocalDate
    /// The page templates; without them only the API is served.
    public var pages: PageRenderer?
    /// `Secure` on cookies: true, false, or nil for "when the request came over TLS" (`X-Forwarded-Proto`).
    public var secureCookies: Bool?
    /// Days an open need stays open before it expires (nil: no expiry job in this process).
    public var needValidityDays: Int?
    /// Per-address request rate limit (nil: none).
    public var rateLimit: RateLimit?
    /// When set, `/metrics` answers only requests with `Authorization: Bearer <metricsToken>`.
    public var metricsToken: String?
    /// Program-wide reports, kept `reportCacheSeconds` (an init parameter; 0: not cached; see `ReportCache`).
    let reportCache: ReportCache

    public init(
        pool: PGPool, migrator: Migrator, logger: Logger, accounts: AccountStore? = nil,
        organizations: OrganizationStore? = nil, today: @escaping @Sendable () -> LocalDate = WebDependencies.utcToday,
        pages: PageRenderer? = nil, secureCookies: Bool? = nil, needValidityDays: Int? = nil,
        rateLimit: RateLimit? = nil, reportCacheSeconds: Double = 0, metricsToken: String? = nil
    ) {
        self.metricsToken = metricsToken
        self.reportCache = ReportCache(ttl: reportCacheSeconds)
        self.rateLimit = rateLimit
        self.needValidityDays = needValidityDays
        self.pages = pages
        self.secureCookies = secureCookies
        self.pool = pool
        self.migrator = migrator
        self.logger = logger
        self.accounts = accounts ?? AccountStore(pool: pool)
        self.organizations = organizations ?? OrganizationStore(pool: pool)
        self.today = today
    }

    /// The current UTC calendar date.
    public static let utcToday: @Sendable () -> LocalDate = {
        LocalDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
