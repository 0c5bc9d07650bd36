import Domain
import Foundation
import Hummingbird
import Storage

/// Each role's start page. Staff: the program's figures, outcomes awaiting verification and who is falling behind
/// on service days. Unit admins: their experts' dispatches, outcomes and warnings. Enterprises: their commissioners
/// and outcomes. Commissioners: their own dispatches, days served and outcomes.
struct DashboardPages {
    let catalog: ReportCatalog
    let records: DispatchRecordStore
    let outcomes: OutcomeStore
    let serviceLogs: ServiceLogStore
    let renderer: PageRenderer
    let today: @Sendable () -> LocalDate

    static let listed = 20

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/dashboard") { request, context in
            let identity = try context.requireIdentity()
            let staff = identity.isProgramStaff
            // The independent queries run at once, each on its own pooled connection: a cold staff dashboard waits
            // for the slowest of them rather than their sum.
            async let headline =
                identity.role == .expert ? nil : catalog.build(.headline, groupBy: "total", for: identity)
            async let pendingCount = staff ? outcomes.count(status: "reported", by: identity) : 0
            async let funnelReport = staff ? catalog.build(.needs, groupBy: nil, for: identity) : nil
            async let behindList = serviceLogs.status(
                asOf: today(), onlyBehind: true, limit: Self.listed, by: identity)
            var data: [String: Any] = ["staff": staff, "commissioner": identity.role == .expert]
            if let headline = try await headline { data["charts"] = headline.charts.map(\.templateData) }
            if staff {
                let pending = try await pendingCount
                data["pending"] = pending
                data["hasPending"] = pending > 0
                data["funnel"] = try await funnelReport?.charts.first.map(\.templateData) ?? [:]
            }
            let behind = try await behindList
            data["behind"] = behind.items.map {
                [
                    "assignmentID": $0.assignmentID, "expert": $0.expertName, "enterprise": $0.enterpriseName,
                    "served": PageFormat.days($0.daysServed), "expected": PageFormat.days($0.daysExpected),
                ] as [String: Any]
            }
            data["behindCount"] = behind.total
            data["moreBehind"] = behind.total > Self.listed
            data["listed"] = Self.listed
            data["hasBehind"] = behind.total > 0
            data["required"] = PageFormat.days(serviceLogs.requiredDaysPerYear)
            data["year"] = today().year
            if !identity.isProgramStaff {
                let mine = try await records.list(by: identity, limit: Self.listed)
                data["assignments"] = mine.map(AssignmentPages.row)
                data["hasAssignments"] = !mine.isEmpty
                if identity.role == .expert {
                    let days = try await serviceLogs.status(asOf: today(), onlyBehind: false, by: identity)
                    data["days"] = days.items.map {
                        [
                            "assignmentID": $0.assignmentID, "enterprise": $0.enterpriseName,
                            "served": PageFormat.days($0.daysServed), "expected": PageFormat.days($0.daysExpected),
                            "behind": $0.behind,
                        ] as [String: Any]
                    }
                }
            }
            let recent = try await outcomes.list(by: identity, limit: Self.listed)
            data["outcomes"] = recent.map { OutcomePages.row($0, staff: false, back: "/dashboard") }
            data["hasOutcomes"] = !recent.isEmpty
            return try renderer.page("dashboard", title: "工作台", request: request, context: context, data: data)
        }
    }
}
