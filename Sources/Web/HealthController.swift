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

    /// 200 only when the database answers and every migration is applied; 503 with the reason otherwise.
    func readiness() async throws -> Response {
        let reason: String?
        do {
            try await dependencies.migrator.requireCurrent(dependencies.pool)
            reason = nil
        } catch let error as MigrationError {
            reason = error.description
        } catch let error as PGError {
            reason = "database unavailable (\(error.kind.rawValue))"
            dependencies.logger.warning("readiness check failed", metadata: ["error": "\(String(reflecting: error))"])
        }
        let probe = Probe(status: reason == nil ? "ready" : "unavailable", reason: reason)
        let data = try JSONEncoder().encode(probe)
        return Response(
            status: reason == nil ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
