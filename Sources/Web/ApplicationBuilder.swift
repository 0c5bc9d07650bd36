import Hummingbird
import Logging
import ServiceLifecycle
import Storage

/// Builds the Hummingbird application: routes, middleware and the services it owns.
public func buildApplication(
    _ dependencies: WebDependencies, host: String, port: Int, services extra: [any Service] = []
) -> some ApplicationProtocol {
    let router = buildRouter(dependencies)
    var services: [any Service] = [dependencies.pool] + extra
    if let days = dependencies.needValidityDays {
        services.append(
            NeedExpiryService(
                needs: NeedStore(pool: dependencies.pool), validityDays: days, today: dependencies.today,
                logger: dependencies.logger))
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(host, port: port), serverName: "kczy"),
        services: services,
        logger: dependencies.logger)
}

/// The router alone, so tests can drive it without binding a port.
public func buildRouter(_ dependencies: WebDependencies) -> Router<AppRequestContext> {
    _ = AppMetrics.registry
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        MetricsMiddleware()
        RequestIDMiddleware()
        SecurityHeadersMiddleware()
        LogRequestsMiddleware(.debug)
    }
    if let limit = dependencies.rateLimit { router.add(middleware: RateLimitMiddleware(limit: limit)) }
    router.addMiddleware {
        ReportCacheMiddleware(cache: dependencies.reportCache)
        ErrorMiddleware()
        AuthenticationMiddleware(accounts: dependencies.accounts)
    }
    router.addRoutes(HealthController(dependencies: dependencies).endpoints)
    router.addRoutes(AppMetrics.endpoint(pool: dependencies.pool, token: dependencies.metricsToken))
    if let renderer = dependencies.pages { router.addRoutes(pageRoutes(dependencies, renderer: renderer)) }
    router.addRoutes(OpenAPIDocument.endpoints, atPath: "/api/v1")
    router.addRoutes(
        ImportController(
            experts: ExpertImporter(pool: dependencies.pool), needs: NeedImporter(pool: dependencies.pool),
            today: dependencies.today
        ).endpoints,
        atPath: "/api/v1/imports")
    router.addRoutes(AuthController(accounts: dependencies.accounts).endpoints, atPath: "/api/v1/auth")
    router.addRoutes(
        NeedController(needs: NeedStore(pool: dependencies.pool), today: dependencies.today).endpoints,
        atPath: "/api/v1/needs")
    let organizations = OrganizationController(organizations: dependencies.organizations, today: dependencies.today)
    router.addRoutes(organizations.registrationEndpoints, atPath: "/api/v1/registrations")
    router.addRoutes(organizations.reviewEndpoints, atPath: "/api/v1/organizations")
    router.addRoutes(
        ExpertController(experts: ExpertStore(pool: dependencies.pool), today: dependencies.today).endpoints,
        atPath: "/api/v1/experts")
    let batchController = BatchController(
        batches: BatchStore(pool: dependencies.pool), proposals: ProposalStore(pool: dependencies.pool),
        publication: PublicationStore(pool: dependencies.pool), assignments: AssignmentStore(pool: dependencies.pool),
        today: dependencies.today)
    router.addRoutes(batchController.batchEndpoints, atPath: "/api/v1/batches")
    router.addRoutes(batchController.proposalEndpoints, atPath: "/api/v1/proposals")
    router.addRoutes(batchController.objectionEndpoints, atPath: "/api/v1/objections")
    router.addRoutes(batchController.publicationEndpoints, atPath: "/api/v1/publications")
    router.addRoutes(batchController.assignmentEndpoints, atPath: "/api/v1/assignments")
    let outcomeController = OutcomeController(
        outcomes: OutcomeStore(pool: dependencies.pool),
        catalog: ReportCatalog(reports: ReportStore(pool: dependencies.pool), cache: dependencies.reportCache),
        today: dependencies.today, serviceLogs: ServiceLogStore(pool: dependencies.pool),
        assessments: AssessmentStore(pool: dependencies.pool))
    router.addRoutes(outcomeController.serviceLogEndpoints, atPath: "/api/v1/service-logs")
    router.addRoutes(outcomeController.assignmentEndpoints, atPath: "/api/v1/assignments")
    router.addRoutes(outcomeController.outcomeEndpoints, atPath: "/api/v1/outcomes")
    router.addRoutes(outcomeController.reportEndpoints, atPath: "/api/v1/reports")
    router.addRoutes(AuditController(audit: AuditStore(pool: dependencies.pool)).endpoints, atPath: "/api/v1/audit")
    router.addRoutes(
        ConflictController(conflicts: ConflictStore(pool: dependencies.pool)).endpoints, atPath: "/api/v1/conflicts")
    return router
}
