import ServiceLifecycle

extension PGPool: Service {
    /// Keeps the pool open until graceful shutdown, then closes it after in-flight work.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }
}
