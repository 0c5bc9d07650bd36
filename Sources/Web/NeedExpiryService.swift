import Domain
import Logging
import ServiceLifecycle
import Storage

/// Expires open needs past their validity period: at start-up and then every hour, until shutdown.
struct NeedExpiryService: Service {
    let needs: NeedStore
    let validityDays: Int
    let today: @Sendable () -> LocalDate
    let logger: Logger
    var interval: Duration = .seconds(3600)

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let expired = try await needs.expireOverdue(validityDays: validityDays, today: today())
                if !expired.isEmpty { logger.info("needs expired", metadata: ["count": "\(expired.count)"]) }
            } catch {
                logger.warning("need expiry failed; will retry", metadata: ["error": "\(error)"])
            }
            // Ends at once on graceful shutdown (SIGTERM/SIGINT), not after the hour.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
