import Domain
import Foundation
import Hummingbird
import Storage

/// `/api/v1/batches`, `/api/v1/proposals`, `/api/v1/objections`, `/api/v1/publications`, `/api/v1/assignments`:
/// match batches from settings to dispatch.
struct BatchController {
    let batches: BatchStore
    let proposals: ProposalStore
    let publication: PublicationStore
    let assignments: AssignmentStore
    let today: @Sendable () -> LocalDate

    struct CreateBody: Decodable {
        var name: String
        var settings: BatchSettings
        var parentBatchID: Int?
        enum CodingKeys: String, CodingKey {
            case name, settings
            case parentBatchID = "parent_batch_id"
        }
    }

    struct PublishBody: Decodable {
        var workingDays: Int?
        enum CodingKeys: String, CodingKey { case workingDays = "working_days" }
    }

    struct SwapBody: Decodable {
        var expertID: Int
        var reason: String?
        enum CodingKeys: String, CodingKey {
            case reason
            case expertID = "expert_id"
        }
    }

    struct ObjectionBody: Decodable {
        var realName: String
        var body: String
        enum CodingKeys: String, CodingKey {
            case body
            case realName = "real_name"
        }
    }

    struct ResolutionBody: Decodable {
        var resolution: String
    }

    struct AssignmentBody: Decodable {
        var needID: Int
        var expertID: Int
        var termStart: LocalDate
        var termEnd: LocalDate
        var agreementRef: String?
        enum CodingKeys: String, CodingKey {
            case needID = "need_id"
            case expertID = "expert_id"
            case termStart = "term_start"
            case termEnd = "term_end"
            case agreementRef = "agreement_ref"
        }
    }

    struct AgreementBody: Decodable {
        var reference: String
        var signedOn: LocalDate
        enum CodingKeys: String, CodingKey {
            case reference
            case signedOn = "signed_on"
        }
    }

    struct Items<T: Encodable & Sendable>: ResponseEncodable {
        var items: [T]
    }

    struct Delta: ResponseEncodable {
        var delta: Double
    }

    struct PublicList: ResponseEncodable {
        var batchID: Int
        var name: String
        var publishFrom: String?
        var publishUntil: String?
        var entries: [PublicEntry]
        enum CodingKeys: String, CodingKey {
            case name, entries
            case batchID = "batch_id"
            case publishFrom = "publish_from"
            case publishUntil = "publish_until"
        }
    }

    func param(_ context: AppRequestContext, _ name: String) throws -> Int {
        guard let text = context.parameters.get(name), let v = Int(text), v > 0 else {
            throw APIError(.notFound, code: "not_found", message: "编号不正确")
        }
        return v
    }

    var batchEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { _, context in
            Items(items: try await batches.list(by: try context.requireIdentity()).map(BatchResponse.init))
        }
        routes.post { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(as: CreateBody.self, context: context)
            let b = try await batches.create(
                name: body.name, settings: body.settings, parent: body.parentBatchID, by: identity,
                audit: context.audit(identity))
            return EditedResponse(status: .created, response: BatchResponse(b))
        }
        routes.get(":id") { _, context in
            BatchResponse(try await batches.get(try param(context, "id"), by: try context.requireIdentity()))
        }
        routes.get(":id/proposals") { _, context in
            Items(items: try await proposals.list(batch: try param(context, "id"), by: try context.requireIdentity()))
        }
        routes.get(":id/needs/:need/alternates") { _, context in
            Items(
                items: try await proposals.alternates(
                    batch: try param(context, "id"), need: try param(context, "need"), by: try context.requireIdentity()
                ))
        }
        routes.get(":id/objections") { _, context in
            Items(
                items: try await publication.objections(
                    batch: try param(context, "id"), by: try context.requireIdentity()))
        }
        routes.post(":id/:action") { request, context in
            let identity = try context.requireIdentity()
            let id = try param(context, "id")
            let audit = context.audit(identity)
            let batch: StoredBatch
            switch context.parameters.get("action") {
            case "run":
                batch = try await batches.queue(id, by: identity, audit: audit)
            case "cancel":
                let body = try await request.decodeJSON(as: ReasonBody.self, context: context, emptyBody: ReasonBody())
                batch = try await batches.cancel(id, reason: body.reason, by: identity, audit: audit)
            case "publish":
                let body = try await request.decodeJSON(
                    as: PublishBody.self, context: context, emptyBody: PublishBody(workingDays: nil))
                batch = try await publication.publish(
                    id, today: today(), workingDays: body.workingDays ?? 5, by: identity, audit: audit)
            case "finalize":
                batch = try await publication.finalize(id, today: today(), by: identity, audit: audit)
            default:
                throw APIError(.notFound, code: "not_found", message: "未知的操作")
            }
            return BatchResponse(batch)
        }
        return routes
    }

    var proposalEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { _, context in
            Items(items: try await proposals.list(batch: nil, by: try context.requireIdentity()))
        }
        routes.get(":id/swap") { request, context in
            let identity = try context.requireIdentity()
            guard let text = request.uri.queryParameters["expert_id"], let expert = Int(text) else {
                throw APIError(
                    .badRequest, code: "invalid_query", message: "expert_id 必填",
                    fields: [FieldError(field: "expert_id", code: "required", message: "请指定备选专家编号")])
            }
            return Delta(
                delta: try await proposals.swapDelta(try param(context, "id"), alternate: expert, by: identity))
        }
        routes.post(":id/swap") { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(as: SwapBody.self, context: context)
            return try await proposals.swap(
                try param(context, "id"), alternate: body.expertID, reason: body.reason, by: identity,
                audit: context.audit(identity))
        }
        routes.post(":id/objections") { request, context in
            let identity = try context.requireIdentity()
            let body = try await request.decodeJSON(as: ObjectionBody.self, context: context)
            let o = try await publication.object(
                to: try param(context, "id"), realName: body.realName, body: body.body, today: today(), by: identity,
                audit: context.audit(identity))
            return EditedResponse(status: .created, response: o)
        }
        routes.post(":id/:action") { request, context in
            let identity = try context.requireIdentity()
            let id = try param(context, "id")
            let action = context.parameters.get("action") ?? ""
            let body = try await request.decodeJSON(as: ReasonBody.self, context: context, emptyBody: ReasonBody())
            let audit = context.audit(identity)
            if let decision = ProposalStore.Decision(rawValue: action) {
                return try await proposals.decide(id, decision, reason: body.reason, by: identity, audit: audit)
            }
            let responses: [String: ProposalStore.Response] = ["confirm": .confirm, "decline": .decline]
            if let response = responses[action] {
                return try await proposals.respond(id, response, reason: body.reason, by: identity, audit: audit)
            }
            throw APIError(.notFound, code: "not_found", message: "未知的操作：\(action)")
        }
        return routes
    }

    var objectionEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post(":id/:action") { request, context in
            let identity = try context.requireIdentity()
            let action = context.parameters.get("action") ?? ""
            guard action == "uphold" || action == "dismiss" else {
                throw APIError(.notFound, code: "not_found", message: "未知的操作：\(action)")
            }
            let body = try await request.decodeJSON(as: ResolutionBody.self, context: context)
            return try await publication.resolve(
                try param(context, "id"), upheld: action == "uphold", resolution: body.resolution, by: identity,
                audit: context.audit(identity))
        }
        return routes
    }

    var publicationEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get(":id") { _, context in
            let (b, entries) = try await publication.publicList(try param(context, "id"))
            return PublicList(
                batchID: b.id, name: b.name, publishFrom: b.publishFrom?.description,
                publishUntil: b.publishUntil?.description, entries: entries)
        }
        return routes
    }

    var assignmentEndpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get { _, context in Items(items: try await assignments.list(by: try context.requireIdentity())) }
        routes.put(":id/agreement") { request, context in
            let identity = try context.requireIdentity()
            let b = try await request.decodeJSON(as: AgreementBody.self, context: context)
            return try await assignments.recordAgreement(
                try param(context, "id"), reference: b.reference, signedOn: b.signedOn, today: today(), by: identity,
                audit: context.audit(identity))
        }
        routes.post { request, context in
            let identity = try context.requireIdentity()
            let b = try await request.decodeJSON(as: AssignmentBody.self, context: context)
            let a = try await assignments.create(
                need: b.needID, expert: b.expertID, termStart: b.termStart, termEnd: b.termEnd,
                agreementRef: b.agreementRef, by: identity, audit: context.audit(identity))
            return EditedResponse(status: .created, response: a)
        }
        return routes
    }
}

extension ProposalView: ResponseEncodable {}
extension ObjectionView: ResponseEncodable {}
extension AssignmentView: ResponseEncodable {}

/// A batch as the API returns it.
struct BatchResponse: ResponseEncodable {
    var batch: StoredBatch
    init(_ b: StoredBatch) { batch = b }

    enum Keys: String, CodingKey {
        case id, name, status, settings, diagnosis
        case statusLabel = "status_label"
        case parentBatchID = "parent_batch_id"
        case runAttempts = "run_attempts"
        case runPhase = "run_phase"
        case runProgress = "run_progress"
        case runError = "run_error"
        case totalScore = "total_score"
        case publishFrom = "publish_from"
        case publishUntil = "publish_until"
        case statusReason = "status_reason"
        case createdAt = "created_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let b = batch
        try c.encode(b.id, forKey: .id)
        try c.encode(b.name, forKey: .name)
        try c.encode(b.status.code, forKey: .status)
        try c.encode(b.status.label, forKey: .statusLabel)
        try c.encode(b.settings, forKey: .settings)
        try c.encode(b.parentBatchID, forKey: .parentBatchID)
        try c.encode(b.runAttempts, forKey: .runAttempts)
        try c.encode(b.runPhase, forKey: .runPhase)
        try c.encode(b.runProgress, forKey: .runProgress)
        try c.encode(b.runError, forKey: .runError)
        try c.encode(b.diagnosis, forKey: .diagnosis)
        try c.encode(b.totalScore, forKey: .totalScore)
        try c.encode(b.publishFrom?.description, forKey: .publishFrom)
        try c.encode(b.publishUntil?.description, forKey: .publishUntil)
        try c.encode(b.statusReason, forKey: .statusReason)
        try c.encode(b.createdAt.formatted(.iso8601), forKey: .createdAt)
    }
}
