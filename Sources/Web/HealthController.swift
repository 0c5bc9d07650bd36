import Foundation
import Hummingbird
import LibPQ
import Storage

/// Liveness (`/healthz`) and readiness (`/readyz`) probes.
struct HealthController {
    let dependencies: WebDependencies

    /// JSON body of both probes.
    struct Probe: ResponseEncodable {
        var status: String
        var reason: String?
    }

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("healthz") { _, _ in Probe(status: "ok") }
        routes.get("readyz") { _, _ in try await readiness() }
        return routes
    }

    /// 200 when the database answers and every migration of this release is applied (the database may be ahead by
    /// a newer release's migrations during a rolling upgrade: the reason then says so); 503 with the reason otherwise.
    func readiness() async throws -> Response {
        var reason: String?
        var ready = false
        do {
            let s = try await dependencies.migrator.requireCurrent(dependencies.pool, allowNewer: true)
            ready = true
            if !s.newer.isEmpty { reason = "database is ahead of this release: \(s.newer.joined(separator: ", "))" }
        } catch let error as MigrationError {
            reason = error.description
        } catch let error as PGError {
            reason = "database unavailable (\(error.kind.rawValue))"
            dependencies.logger.warning("readiness check failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        let probe = Probe(status: ready ? "ready" : "unavailable", reason: reason)
        let data = try JSONEncoder().encode(probe)
        return Response(
            status: ready ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
