import Domain
import Foundation
import Hummingbird
import Storage

/// Staff pages for match batches: list and create, the batch with its run, diagnosis, proposals (by need or by
/// expert) and objections, and a need's alternates with the swap.
struct BatchPages {
    let batches: BatchStore
    let proposals: ProposalStore
    let publication: PublicationStore
    let organizations: OrganizationStore
    let renderer: PageRenderer
    let today: @Sendable () -> LocalDate

    static let componentLabels = [
        "text": "文本相关度", "discipline": "学科", "track": "产业赛道", "region": "地区", "preference": "意向",
        "cooperation": "合作基础",
    ]

    static func schema(regions: [FormField.Option]) -> FormSchema {
        let s = { (name: String) in ["settings", name] }
        return FormSchema(fields: [
            FormField(name: "name", label: "批次名称", kind: .text, required: true),
            FormField(name: "as_of", label: "资格审查基准日", kind: .date, required: true, path: s("as_of")),
            FormField(name: "term_start", label: "服务期开始日期", kind: .date, required: true, path: s("term_start")),
            FormField(name: "term_months", label: "服务期（月）", kind: .number, path: s("term_months")),
            FormField(
                name: "need_tracks", label: "纳入需求的产业赛道（不选为全部）",
                kind: .checkboxes(FormField.options(IndustryTrack.self)), path: s("need_tracks")),
            FormField(
                name: "need_regions", label: "纳入需求的市州（不选为全部）", kind: .checkboxes(regions), path: s("need_regions")),
            FormField(
                name: "expert_tracks", label: "纳入专家的产业赛道（不选为全部）",
                kind: .checkboxes(FormField.options(IndustryTrack.self)), path: s("expert_tracks")),
            FormField(
                name: "require_phd_or_senior_title", label: "须具有博士学位或副高以上职称", kind: .checkbox,
                path: s("require_phd_or_senior_title")),
            FormField(name: "maximum_age", label: "年龄上限", kind: .number, path: s("maximum_age")),
            FormField(
                name: "max_enterprises_per_expert", label: "每位专家服务企业数上限", kind: .number,
                path: s("max_enterprises_per_expert")),
            FormField(
                name: "max_experts_per_enterprise", label: "每家企业专家数上限", kind: .number,
                path: s("max_experts_per_enterprise")),
            FormField(name: "minimum_score", label: "最低匹配分（0–1）", kind: .decimal, path: s("minimum_score")),
            FormField(name: "fairness", label: "公平优先（先提高最低分，再提高总分）", kind: .checkbox, path: s("fairness")),
            FormField(name: "parent_batch_id", label: "补录：上一批次编号", kind: .number),
        ])
    }

    static let blank = FormData([
        ("term_months", "24"), ("require_phd_or_senior_title", "on"), ("maximum_age", "55"),
        ("max_enterprises_per_expert", "1"), ("max_experts_per_enterprise", "3"), ("minimum_score", "0"),
    ])

    func add(to routes: RouteCollection<AppRequestContext>) {
        routes.get("/staff/batches") { request, context in
            let values = Self.blank.merging(today: today())
            return try await list(request, context, values: values, errors: [])
        }
        routes.post("/staff/batches") { request, context in
            let identity = try StaffPages.staff(context)
            let form = try await FormData.read(request, context)
            do {
                let body = try Self.schema(regions: []).decode(BatchController.CreateBody.self, from: form) {
                    $0.settings.validate()
                }
                let b = try await batches.create(
                    name: body.name, settings: body.settings, parent: body.parentBatchID, by: identity,
                    audit: context.audit(identity))
                return PageSession.redirect("/staff/batches/\(b.id)?msg=created")
            } catch let e as ValidationError {
                return try await list(request, context, values: form, errors: e.errors, status: .unprocessableContent)
            }
        }
        routes.get("/staff/batches/:id") { request, context in
            let identity = try StaffPages.staff(context)
            let id = try context.pathID()
            let b = try await batches.get(id, by: identity)
            let byExpert = request.uri.queryParameters["by"] == "expert"
            var items = try await proposals.list(batch: id, by: identity)
            if byExpert { items.sort { ($0.expertName, $0.expertID, $0.id) < ($1.expertName, $1.expertID, $1.id) } }
            let objections = try await publication.objections(batch: id, by: identity)
            return try renderer.page(
                "staff/batch", title: "匹配批次：\(b.name)", request: request, context: context,
                data: Self.detail(b, items, objections, byExpert: byExpert))
        }
        for action in ["run", "cancel", "publish", "finalize"] {
            routes.post(RouterPath("/staff/batches/:id/\(action)")) { request, context in
                let identity = try StaffPages.staff(context)
                let id = try context.pathID()
                let form = try await FormData.read(request, context)
                let audit = context.audit(identity)
                switch action {
                case "run": _ = try await batches.queue(id, by: identity, audit: audit)
                case "cancel":
                    _ = try await batches.cancel(
                        id, reason: form["reason"].isEmpty ? nil : form["reason"], by: identity, audit: audit)
                case "publish": _ = try await publication.publish(id, today: today(), by: identity, audit: audit)
                default: _ = try await publication.finalize(id, today: today(), by: identity, audit: audit)
                }
                return PageSession.redirect("/staff/batches/\(id)?msg=saved")
            }
        }
        routes.post("/staff/proposals/:id/:action") { request, context in
            let identity = try StaffPages.staff(context)
            let id = try context.pathID()
            let form = try await FormData.read(request, context)
            let reason = form["reason"].trimmingCharacters(in: .whitespacesAndNewlines)
            let audit = context.audit(identity)
            let action = context.parameters.get("action") ?? ""
            let p: ProposalView
            if action == "swap" {
                p = try await proposals.swap(
                    id, alternate: Int(form["expert_id"]) ?? -1, reason: reason.isEmpty ? nil : reason, by: identity,
                    audit: audit)
            } else if let decision = ProposalStore.Decision(rawValue: action) {
                p = try await proposals.decide(
                    id, decision, reason: reason.isEmpty ? nil : reason, by: identity, audit: audit)
            } else {
                throw APIError(.notFound, code: "not_found", message: "未知的操作")
            }
            return PageSession.redirect("/staff/batches/\(p.batchID)?msg=saved#p-\(p.id)")
        }
        routes.post("/staff/objections/:id/:action") { request, context in
            let identity = try StaffPages.staff(context)
            let form = try await FormData.read(request, context)
            let action = context.parameters.get("action") ?? ""
            guard action == "uphold" || action == "dismiss" else {
                throw APIError(.notFound, code: "not_found", message: "未知的操作")
            }
            let o = try await publication.resolve(
                try context.pathID(), upheld: action == "uphold", resolution: form["resolution"],
                by: identity,
                audit: context.audit(identity))
            return PageSession.redirect("/staff/batches/\(o.batchID)?msg=saved")
        }
        routes.get("/staff/batches/:id/needs/:need") { request, context in
            let identity = try StaffPages.staff(context)
            let id = try context.pathID()
            guard let need = context.parameters.get("need").flatMap(Int.init) else {
                throw APIError(.notFound, code: "not_found", message: "需求编号不正确")
            }
            let current = try await proposals.list(batch: id, by: identity).filter {
                $0.needID == need && ($0.status == "proposed" || $0.status == "accepted")
            }
            let alternates = try await proposals.alternates(batch: id, need: need, by: identity)
            var rows: [[String: Any]] = []
            for a in alternates {
                var row: [String: Any] = [
                    "expertID": a.expertID, "name": a.expertName, "rank": a.rank,
                    "score": String(format: "%.3f", a.score),
                    "reason": a.reason,
                ]
                if let p = current.first {
                    row["proposalID"] = p.id
                    row["delta"] = String(format: "%+.3f", a.score - p.score)
                }
                rows.append(row)
            }
            return try renderer.page(
                "staff/batch-need", title: "需求 \(need) 的备选专家", request: request, context: context,
                data: [
                    "batchID": id, "needID": need, "alternates": rows, "empty": rows.isEmpty,
                    "current": current.map { ["name": $0.expertName, "score": String(format: "%.3f", $0.score)] },
                ])
        }
    }

    func list(
        _ request: Request, _ context: AppRequestContext, values: FormData, errors: [FieldError],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let identity = try StaffPages.staff(context)
        let regions = try await organizations.regions(homeProvinceOnly: true).map {
            FormField.Option(value: $0.code, label: $0.name)
        }
        let schema = Self.schema(regions: regions)
        let rows: [[String: Any]] = try await batches.list(by: identity).map { b in
            [
                "id": b.id, "name": b.name, "status": b.status.label, "statusCode": b.status.code,
                "phase": PageFormat.text(b.runPhase), "created": PageFormat.dateTime(b.createdAt),
                "total": b.totalScore.map(String.init) ?? "",
            ]
        }
        return try renderer.page(
            "staff/batches", title: "匹配批次", request: request, context: context,
            data: [
                "batches": rows, "empty": rows.isEmpty, "fields": schema.view(values: values, errors: errors),
                "formErrors": schema.unplaced(errors), "hasErrors": !errors.isEmpty,
            ], status: status)
    }

    static func detail(_ b: StoredBatch, _ items: [ProposalView], _ objections: [ObjectionView], byExpert: Bool)
        -> [String: Any]
    {
        let running = b.status == .queued || b.status == .running
        let reviewable = b.status == .proposalsReady || b.status == .underReview
        var progress: [String] = []
        if case .object(let o) = b.runProgress {
            for (k, v) in o.sorted(by: { $0.key < $1.key }) {
                if case .number(let n) = v { progress.append("\(k)：\(Int(n))") }
            }
        }
        var diagnosis: [String] = []
        if case .array(let list) = b.diagnosis {
            for d in list { if case .string(let m)? = d["message"] { diagnosis.append(m) } }
        }
        let rows: [[String: Any]] = items.map { p in
            var components: [String] = []
            var terms: [String] = []
            if case .array(let cs)? = p.explanation["components"] {
                for c in cs {
                    if case .string(let name)? = c["name"], case .number(let v)? = c["value"] {
                        components.append("\(componentLabels[name] ?? name) \(String(format: "%.2f", v))")
                    }
                }
            }
            if case .array(let ts)? = p.explanation["matched_terms"] {
                for t in ts { if case .string(let term)? = t["term"] { terms.append(term) } }
            }
            return [
                "id": p.id, "needID": p.needID, "needTitle": p.needTitle, "enterprise": p.enterpriseName,
                "expert": p.expertName, "expertID": p.expertID, "unit": p.unitName,
                "score": String(format: "%.3f", p.score), "components": components.joined(separator: " · "),
                "terms": PageFormat.text(terms.joined(separator: "、")),
                "status": Self.proposalStatus[p.status] ?? p.status,
                "locked": p.locked, "reason": PageFormat.text(p.statusReason),
                "responses": PageFormat.text(Self.responses(p)),
                "open": p.status == "proposed" || p.status == "accepted",
                "reviewable": reviewable, "accepted": p.status == "accepted",
            ]
        }
        return [
            "batch": [
                "id": b.id, "name": b.name, "status": b.status.label, "statusCode": b.status.code,
                "phase": PageFormat.text(b.runPhase), "attempts": b.runAttempts, "error": PageFormat.text(b.runError),
                "total": b.totalScore.map(String.init) ?? "—", "progress": progress.joined(separator: "，"),
                "publishFrom": b.publishFrom?.description ?? "",
                "publishUntil": PageFormat.text(b.publishUntil?.description),
            ],
            "refresh": running, "diagnosis": diagnosis, "hasDiagnosis": !diagnosis.isEmpty,
            "canRun": [.created, .failed, .proposalsReady, .underReview].contains(b.status),
            "canCancel": ![.finalized, .cancelled].contains(b.status),
            "canPublish": b.status == .underReview, "canFinalize": b.status == .published,
            "proposals": rows, "empty": rows.isEmpty, "byExpert": byExpert,
            "objections": objections.map { o in
                [
                    "id": o.id, "proposalID": o.proposalID, "name": o.realName, "body": o.body,
                    "status": ["open": "待处理", "upheld": "异议成立", "dismissed": "不予支持"][o.status] ?? o.status,
                    "open": o.status == "open", "resolution": PageFormat.text(o.resolution),
                ] as [String: Any]
            },
            "hasObjections": !objections.isEmpty,
        ]
    }

    static let proposalStatus = [
        "proposed": "待评审", "accepted": "已采纳", "rejected": "未采纳", "withdrawn": "已撤销", "dispatched": "已选派",
    ]

    static func responses(_ p: ProposalView) -> String {
        var parts: [String] = []
        let word = ["confirmed": "确认", "declined": "谢绝"]
        if let r = p.enterpriseResponse {
            parts.append("企业\(word[r] ?? r)\(p.enterpriseReason.map { "：\($0)" } ?? "")")
        }
        if let r = p.expertResponse { parts.append("专家\(word[r] ?? r)\(p.expertReason.map { "：\($0)" } ?? "")") }
        return parts.joined(separator: "；")
    }
}

extension FormData {
    /// The blank batch form with today's dates filled in.
    func merging(today: LocalDate) -> FormData {
        FormData(
            values.flatMap { k, vs in vs.map { (k, $0) } }.sorted { $0.0 < $1.0 }
                + [("as_of", today.description), ("term_start", today.adding(days: 30).description)])
    }
}
