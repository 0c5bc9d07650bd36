import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// Requests per second allowed from one client address, with a burst of twice that.
public struct RateLimit: Sendable, Equatable {
    public var perSecond: Double
    /// Use the first address of `X-Forwarded-For` (only behind a proxy that sets it; otherwise clients could choose).
    public var trustForwardedFor: Bool

    public init(perSecond: Double, trustForwardedFor: Bool = false) {
        self.perSecond = perSecond
        self.trustForwardedFor = trustForwardedFor
    }
}

/// A token bucket per client address in this process: past the limit a request is answered 429 with `Retry-After`
/// before it reaches a handler or the database. Health and metrics probes are exempt. Each instance limits on its
/// own, so N instances allow up to N times the rate; the login throttle (per account and address) is separate and
/// lives in the database.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let limit: RateLimit
    let buckets = NIOLockedValueBox([String: (tokens: Double, at: Double)]())
    static let exempt: Set<String> = ["/healthz", "/readyz", "/metrics"]
    static let maxTracked = 50_000

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard !Self.exempt.contains(request.uri.path) else { return try await next(request, context) }
        let client = address(request, context)
        let now = ProcessInfo.processInfo.systemUptime
        let capacity = limit.perSecond * 2
        let allowed = buckets.withLockedValue { buckets -> Bool in
            if buckets.count > Self.maxTracked {
                buckets = buckets.filter { now - $0.value.at < 10 }
            }
            var b = buckets[client] ?? (capacity, now)
            b.tokens = min(capacity, b.tokens + (now - b.at) * limit.perSecond)
            b.at = now
            let ok = b.tokens >= 1
            if ok { b.tokens -= 1 }
            buckets[client] = b
            return ok
        }
        guard allowed else {
            var response = APIError(.tooManyRequests, code: "rate_limited", message: "请求过于频繁，请稍后再试")
                .response(requestID: context.id)
            response.headers[.retryAfter] = "1"
            return response
        }
        return try await next(request, context)
    }

    func address(_ request: Request, _ context: Context) -> String {
        if limit.trustForwardedFor, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!],
            let first = forwarded.split(separator: ",").first
        {
            return first.trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}
