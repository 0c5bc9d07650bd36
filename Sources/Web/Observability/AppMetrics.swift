import Hummingbird
import LibPQ
import Metrics
import NIOCore
import Prometheus

/// The process's Prometheus registry, behind swift-metrics: Hummingbird's `MetricsMiddleware` (request counts and
/// latency histograms by route), the batch runner's durations and the login failures all land here, and `/metrics`
/// prints it in the Prometheus text format.
public enum AppMetrics {
    /// Created and bootstrapped once per process, on first use (a second bootstrap would trap).
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2),
            .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120), .seconds(300),
        ]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Failed logins (wrong password, unknown user, throttled), API and page alike.
    public static let loginFailures = Counter(label: "kczy_login_failures_total")

    static let poolOpen = registry.makeGauge(name: "kczy_db_pool_connections_open", help: "Open database connections")
    static let poolInUse = registry.makeGauge(name: "kczy_db_pool_connections_in_use", help: "Connections lent out")
    static let poolWaiting = registry.makeGauge(
        name: "kczy_db_pool_waiting", help: "Requests waiting for a database connection")

    /// `GET /metrics`: the pool gauges are read at scrape time, everything else as recorded.
    /// `GET /metrics`; with a `token`, only for `Authorization: Bearer <token>` (401 otherwise).
    static func endpoint(pool: PGPool, token: String? = nil) -> RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        let expected = token.map { Array("Bearer \($0)".utf8) }
        routes.get("/metrics") { request, _ in
            if let expected {
                let given = Array((request.headers[.authorization] ?? "").utf8)
                // Compared in time independent of where the first difference is.
                var diff = given.count ^ expected.count
                for (i, byte) in expected.enumerated() { diff |= Int(byte ^ (i < given.count ? given[i] : 0)) }
                guard diff == 0 else {
                    throw APIError(.unauthorized, code: "unauthorized", message: "需要指标访问令牌（KCZY_METRICS_TOKEN）")
                }
            }
            let s = pool.statistics
            poolOpen.set(Double(s.open))
            poolInUse.set(Double(s.inUse))
            poolWaiting.set(Double(s.waiting))
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        return routes
    }
}
