import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// Program-wide reports (what staff and admins see), kept for a short time.
///
/// At program scale (100,000 experts, 50,000 dispatches, 500,000 outcomes) a program-wide report reads the whole
/// outcome table; the figures change only when someone writes. So a built report is kept for `ttl` seconds, and every
/// successful write through this process (any non-GET request answered below 400) drops all of them at once. Writes
/// through another instance, and batches finished by a worker, show after at most `ttl` seconds; the report page
/// says when its figures were computed. Tenant-scoped reports (units, enterprises) are small and never cached.
final class ReportCache: Sendable {
    struct Key: Hashable, Sendable {
        var name: String
        var groupBy: String?
    }

    struct State: Sendable {
        /// Fresh while `computedAt` is less than `ttl` ago.
        var entries: [Key: ReportCatalog.Output] = [:]
        /// Bumped by every invalidation, so a report computed across a write is not stored.
        var generation = 0
    }

    let ttl: TimeInterval
    private let state = NIOLockedValueBox(State())

    /// `ttl` ≤ 0 turns the cache off.
    init(ttl: TimeInterval) { self.ttl = ttl }

    /// The cached report for `key` while fresh; otherwise `build()`'s, stored unless a write came in meanwhile.
    func output(
        for key: Key, now: @Sendable () -> Date = Date.init,
        build: () async throws -> ReportCatalog.Output
    ) async throws -> ReportCatalog.Output {
        guard ttl > 0 else { return try await build() }
        let (hit, generation) = state.withLockedValue { s -> (ReportCatalog.Output?, Int) in
            if let e = s.entries[key], now().timeIntervalSince(e.computedAt) < ttl { return (e, s.generation) }
            return (nil, s.generation)
        }
        if let hit { return hit }
        let output = try await build()
        state.withLockedValue { s in
            if s.generation == generation { s.entries[key] = output }
        }
        return output
    }

    /// Drops every cached report (after a write).
    func invalidate() {
        state.withLockedValue { s in
            s.generation += 1
            s.entries.removeAll()
        }
    }
}

/// Drops the cached reports after every successful write request (see `ReportCache`).
struct ReportCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: ReportCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let write = request.method != .get && request.method != .head && request.method != .options
        do {
            let response = try await next(request, context)
            if write, response.status.code < 400 { cache.invalidate() }
            return response
        } catch {
            // A failed write may still have committed part of a multi-step action elsewhere: be safe.
            if write { cache.invalidate() }
            throw error
        }
    }
}
