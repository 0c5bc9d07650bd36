import Domain
import Hummingbird
import Storage

/// Every server-rendered page, behind the HTML error middleware.
func pageRoutes(_ dependencies: WebDependencies, renderer: PageRenderer) -> RouteCollection<AppRequestContext> {
    let routes = RouteCollection(context: AppRequestContext.self)
        .add(middleware: PageErrorMiddleware(renderer: renderer))
    let pool = dependencies.pool
    let needs = NeedStore(pool: pool)
    let experts = ExpertStore(pool: pool)
    LoginPages(accounts: dependencies.accounts, renderer: renderer, secureCookies: dependencies.secureCookies)
        .add(to: routes)
    RegistrationPages(
        organizations: dependencies.organizations, renderer: renderer, secureCookies: dependencies.secureCookies,
        today: dependencies.today
    ).add(to: routes)
    EnterprisePages(
        needs: needs, organizations: dependencies.organizations, renderer: renderer, today: dependencies.today
    )
    .add(to: routes)
    UnitPages(
        experts: experts, organizations: dependencies.organizations, renderer: renderer, today: dependencies.today
    )
    .add(to: routes)
    ExpertPages(experts: experts, renderer: renderer, today: dependencies.today).add(to: routes)
    AuditPages(audit: AuditStore(pool: pool), renderer: renderer).add(to: routes)
    let proposals = ProposalStore(pool: pool)
    let publication = PublicationStore(pool: pool)
    BatchPages(
        batches: BatchStore(pool: pool), proposals: proposals, publication: publication,
        organizations: dependencies.organizations, renderer: renderer, today: dependencies.today
    ).add(to: routes)
    ProposalPages(proposals: proposals, publication: publication, renderer: renderer, today: dependencies.today)
        .add(to: routes)
    let records = DispatchRecordStore(pool: pool)
    let outcomes = OutcomeStore(pool: pool)
    let serviceLogs = ServiceLogStore(pool: pool)
    let catalog = ReportCatalog(reports: ReportStore(pool: pool), cache: dependencies.reportCache)
    AssignmentPages(
        records: records, outcomes: outcomes, serviceLogs: serviceLogs, assessments: AssessmentStore(pool: pool),
        renderer: renderer, today: dependencies.today
    ).add(to: routes)
    OutcomePages(outcomes: outcomes, renderer: renderer).add(to: routes)
    ReportPages(catalog: catalog, renderer: renderer).add(to: routes)
    DashboardPages(
        catalog: catalog, records: records, outcomes: outcomes, serviceLogs: serviceLogs, renderer: renderer,
        today: dependencies.today
    ).add(to: routes)
    StaffPages(needs: needs, experts: experts, organizations: dependencies.organizations, renderer: renderer)
        .add(to: routes)
    return routes
}
