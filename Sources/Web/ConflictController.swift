import Foundation
import Hummingbird
import Storage

/// `/api/v1/conflicts`: conflicts of interest, recorded by staff or declared by experts.
struct ConflictController {
    let conflicts: ConflictStore

    struct ConflictList: ResponseEncodable {
        var items: [StoredConflict]
    }

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { _, context in ConflictList(items: try await conflicts.list(by: try context.requireIdentity())) }
        routes.post { request, context in
            let identity = try context.requireIdentity()
            let entry = try await request.decodeJSON(as: ConflictStore.Entry.self, context: context)
            let saved = try await conflicts.record(entry, by: identity, audit: context.audit(identity))
            return EditedResponse(status: .created, response: saved)
        }
        routes.delete(":id") { _, context in
            let identity = try context.requireIdentity()
            try await conflicts.delete(
                try context.pathID(), by: identity, audit: context.audit(identity))
            return Response(status: .noContent)
        }
        return routes
    }
}

extension StoredConflict: ResponseEncodable {}
