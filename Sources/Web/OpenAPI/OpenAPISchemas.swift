import Foundation

/// The component schemas of the API document.
enum OpenAPISchemas {
    static let tracks = [
        "agriculture", "equipment", "bigdata", "new_energy", "new_materials", "new_medicine", "optoelectronics",
    ]

    static var needDraft: OA.Node {
        [
            "title": OA.string, "description": OA.string, "technical_targets": OA.string,
            "tracks": OA.array(OA.enumeration(tracks)), "discipline_codes": OA.stringArray, "keywords": OA.stringArray,
            "budget": OA.nullable("number"), "deadline": OA.date, "confidential": OA.boolean,
            "accepts_out_of_province": OA.boolean, "expected_outcomes": OA.stringArray, "ip_arrangement": OA.string,
            "experts_needed": OA.integer, "preferred_expert_id": OA.nullable("integer"),
        ]
    }

    static var expertProfile: OA.Node {
        [
            "name": OA.string, "unit_name": OA.string,
            "degree": OA.enumeration(["phd", "master", "bachelor", "other"]),
            "title_level": OA.enumeration(["senior", "associate_senior", "intermediate", "junior", "none"]),
            "title_name": OA.string, "birth_year": OA.integer, "discipline_codes": OA.stringArray,
            "tracks": OA.array(OA.enumeration(tracks)), "keywords": OA.stringArray, "summary": OA.string,
            "mobile": OA.string, "email": OA.string, "holds_management_post": OA.boolean, "region_code": OA.string,
            "capacity": OA.integer, "available_from": OA.date, "available_to": OA.date,
            "achievements": OA.stringArray, "patents": OA.stringArray, "talent_enclave": OA.boolean,
        ]
    }

    static var all: OA.Node {
        var need = needDraft
        need.merge([
            "id": OA.integer, "enterprise_id": OA.integer, "status": OA.string, "status_label": OA.string,
            "status_reason": OA.nullable("string"), "preferred_expert_id": OA.nullable("integer"),
            "created_at": OA.dateTime, "updated_at": OA.dateTime,
        ]) { $1 }
        var expert = expertProfile
        expert.merge([
            "id": OA.integer, "unit_id": OA.integer, "status": OA.string, "status_label": OA.string,
            "contacts_hidden": OA.boolean,
        ]) { $1 }
        let organization = OA.object(
            [
                "id": OA.integer, "kind": OA.string, "name": OA.string, "identifier_kind": OA.string,
                "identifier": OA.string, "region_code": OA.string, "status": OA.string, "created_at": OA.dateTime,
            ], required: ["id", "kind", "name", "identifier_kind", "identifier", "region_code", "status", "created_at"])
        let conflict = OA.object(
            [
                "id": OA.integer, "expert_id": OA.nullable("integer"), "unit_id": OA.nullable("integer"),
                "enterprise_id": OA.integer, "kind": OA.string, "note": OA.string, "source": OA.string,
                "valid_until": OA.nullable("string"),
            ], required: ["id", "enterprise_id", "kind", "note", "source"])
        return [
            "FieldError": OA.object(
                ["field": OA.string, "code": OA.string, "message": OA.string], required: ["field", "code", "message"]),
            "Error": OA.object(
                [
                    "error": OA.object(
                        ["code": OA.string, "message": OA.string, "fields": OA.array(OA.ref("FieldError"))],
                        required: ["code", "message"]),
                    "request_id": OA.string,
                ], required: ["error", "request_id"]),
            "Probe": OA.object(["status": OA.string, "reason": OA.string], required: ["status"]),
            "LoginRequest": OA.object(
                ["username": OA.string, "password": OA.string], required: ["username", "password"]),
            "Account": OA.object(
                [
                    "id": OA.integer, "username": OA.string, "display_name": OA.string,
                    "role": OA.enumeration(["enterprise", "unit_admin", "expert", "staff", "admin"]),
                    "organization_id": OA.nullable("integer"), "expert_id": OA.nullable("integer"),
                ], required: ["id", "username", "display_name", "role"]),
            "Token": OA.object(
                ["token": OA.string, "token_type": OA.string, "expires_in": OA.integer, "account": OA.ref("Account")],
                required: ["token", "token_type", "expires_in", "account"]),
            "NeedDraft": OA.object(needDraft),
            "Need": OA.object(need, required: ["id", "enterprise_id", "status", "status_label", "title"]),
            "NeedList": OA.object(["items": OA.array(OA.ref("Need"))], required: ["items"]),
            "ActionReason": OA.object(["reason": OA.string]),
            "TransitionList": OA.object(
                [
                    "items": OA.array(
                        OA.object(
                            [
                                "from": OA.string, "to": OA.string, "actor_id": OA.nullable("integer"),
                                "reason": OA.nullable("string"), "at": OA.dateTime,
                            ], required: ["from", "to", "at"]))
                ], required: ["items"]),
            "Registration": OA.object(
                [
                    "organization": ["type": "object"],
                    "account": OA.object(
                        ["username": OA.string, "password": OA.string, "display_name": OA.string],
                        required: ["username", "password"]),
                ], required: ["organization", "account"]),
            "RegistrationResult": OA.object(
                ["organization_id": OA.integer, "account_id": OA.integer, "status": OA.string],
                required: ["organization_id", "account_id", "status"]),
            "Organization": organization,
            "OrganizationDetail": OA.object(
                [
                    "id": OA.integer, "kind": OA.string, "name": OA.string, "identifier_kind": OA.string,
                    "identifier": OA.string, "country_code": OA.nullable("string"), "region_code": OA.string,
                    "address": OA.string, "summary": OA.string, "founded_year": OA.nullable("integer"),
                    "tracks": OA.stringArray, "qualifications": OA.stringArray, "contact_name": OA.string,
                    "contact_phone": OA.string, "contact_email": OA.string, "status": OA.string,
                    "merged_into": OA.nullable("integer"), "aliases": OA.stringArray,
                ],
                required: [
                    "id", "kind", "name", "identifier_kind", "identifier", "region_code", "address", "summary",
                    "tracks",
                    "qualifications", "contact_name", "contact_phone", "contact_email", "status", "aliases",
                ]),
            "OrganizationEdit": OA.object([
                "region_code": OA.string, "address": OA.string, "summary": OA.string, "founded_year": OA.integer,
                "tracks": OA.stringArray, "qualifications": OA.stringArray,
                "contact": OA.object(["name": OA.string, "phone": OA.string, "email": OA.string]),
            ]),
            "Aliases": OA.object(["aliases": OA.stringArray], required: ["aliases"]),
            "BatchInput": OA.object(
                [
                    "name": OA.string, "parent_batch_id": OA.integer,
                    "settings": OA.object(
                        [
                            "as_of": OA.date, "term_start": OA.date, "term_months": OA.integer,
                            "need_tracks": OA.stringArray, "need_regions": OA.stringArray,
                            "expert_tracks": OA.stringArray,
                            "require_phd_or_senior_title": OA.boolean, "maximum_age": OA.integer,
                            "max_enterprises_per_expert": OA.integer, "max_experts_per_enterprise": OA.integer,
                            "region_quotas": ["type": "object"], "unit_quotas": ["type": "object"],
                            "minimum_score": OA.number, "fairness": OA.boolean, "candidates_per_need": OA.integer,
                            "alternates_per_need": OA.integer, "weights": ["type": "object"],
                        ], required: ["as_of"]),
                ], required: ["name", "settings"]),
            "BatchAction": OA.object(["reason": OA.string, "working_days": OA.integer]),
            "Batch": OA.object(
                [
                    "id": OA.integer, "name": OA.string, "status": OA.string, "status_label": OA.string,
                    "settings": ["type": "object"], "parent_batch_id": OA.nullable("integer"),
                    "run_attempts": OA.integer,
                    "run_phase": OA.nullable("string"), "run_progress": ["type": "object"],
                    "run_error": OA.nullable("string"), "diagnosis": OA.array(["type": "object"]),
                    "total_score": OA.nullable("integer"), "publish_from": OA.nullable("string"),
                    "publish_until": OA.nullable("string"), "status_reason": OA.nullable("string"),
                    "created_at": OA.dateTime,
                ], required: ["id", "name", "status", "settings", "run_attempts", "diagnosis", "created_at"]),
            "BatchList": OA.object(["items": OA.array(OA.ref("Batch"))], required: ["items"]),
            "Proposal": OA.object(
                [
                    "id": OA.integer, "batch_id": OA.integer, "need_id": OA.integer, "need_title": OA.string,
                    "confidential": OA.boolean, "enterprise_id": OA.integer, "enterprise_name": OA.string,
                    "expert_id": OA.integer, "expert_name": OA.string, "unit_name": OA.string, "score": OA.number,
                    "explanation": ["type": "object"], "status": OA.string, "locked": OA.boolean,
                    "status_reason": OA.nullable("string"), "enterprise_response": OA.nullable("string"),
                    "enterprise_reason": OA.nullable("string"), "expert_response": OA.nullable("string"),
                    "expert_reason": OA.nullable("string"),
                ], required: ["id", "batch_id", "need_id", "expert_id", "score", "explanation", "status", "locked"]),
            "ProposalList": OA.object(["items": OA.array(OA.ref("Proposal"))], required: ["items"]),
            "AlternateList": OA.object(
                [
                    "items": OA.array(
                        OA.object(
                            [
                                "need_id": OA.integer, "expert_id": OA.integer, "expert_name": OA.string,
                                "rank": OA.integer, "score": OA.number, "reason": OA.string,
                            ], required: ["need_id", "expert_id", "rank", "score", "reason"]))
                ], required: ["items"]),
            "Swap": OA.object(["expert_id": OA.integer, "reason": OA.string], required: ["expert_id"]),
            "SwapDelta": OA.object(["delta": OA.number], required: ["delta"]),
            "ObjectionInput": OA.object(["real_name": OA.string, "body": OA.string], required: ["real_name", "body"]),
            "Resolution": OA.object(["resolution": OA.string], required: ["resolution"]),
            "Objection": OA.object(
                [
                    "id": OA.integer, "batch_id": OA.integer, "proposal_id": OA.integer, "real_name": OA.string,
                    "body": OA.string, "status": OA.string, "resolution": OA.nullable("string"),
                ], required: ["id", "batch_id", "proposal_id", "real_name", "body", "status"]),
            "ObjectionList": OA.object(["items": OA.array(OA.ref("Objection"))], required: ["items"]),
            "PublicList": OA.object(
                [
                    "batch_id": OA.integer, "name": OA.string, "publish_from": OA.nullable("string"),
                    "publish_until": OA.nullable("string"),
                    "entries": OA.array(
                        OA.object(
                            [
                                "proposal_id": OA.integer, "need_title": OA.string, "enterprise_name": OA.string,
                                "expert_name": OA.string, "unit_name": OA.string, "title_name": OA.nullable("string"),
                            ], required: ["proposal_id", "need_title", "enterprise_name", "expert_name", "unit_name"])),
                ], required: ["batch_id", "name", "entries"]),
            "AssignmentInput": OA.object(
                [
                    "need_id": OA.integer, "expert_id": OA.integer, "term_start": OA.date, "term_end": OA.date,
                    "agreement_ref": OA.string,
                ], required: ["need_id", "expert_id", "term_start", "term_end"]),
            "Assignment": OA.object(
                [
                    "id": OA.integer, "batch_id": OA.nullable("integer"), "need_id": OA.integer,
                    "expert_id": OA.integer,
                    "enterprise_id": OA.integer, "term_start": OA.string, "term_end": OA.string, "status": OA.string,
                    "agreement_ref": OA.nullable("string"), "agreement_signed_on": OA.nullable("string"),
                ], required: ["id", "need_id", "expert_id", "enterprise_id", "term_start", "term_end", "status"]),
            "Agreement": OA.object(
                ["reference": OA.string, "signed_on": OA.date], required: ["reference", "signed_on"]),
            "OutcomeInput": OA.object(
                [
                    "kind": OA.enumeration([
                        "project", "achievement_transfer", "standard", "new_product", "platform", "staff_trained",
                        "contract",
                        "patent",
                    ]),
                    "title": OA.string, "description": OA.string, "achieved_on": OA.date, "trained_count": OA.integer,
                    "trained_names": OA.stringArray,
                    "contract_type": OA.enumeration(["development", "transfer", "licence", "consulting", "service"]),
                    "contract_value": OA.number, "amount_received": OA.number, "registry_number": OA.string,
                    "patent_number": OA.string,
                    "evidence": OA.object(
                        ["filename": OA.string, "content_type": OA.string, "data": OA.string],
                        required: ["filename", "content_type", "data"]),
                ], required: ["kind", "title", "achieved_on", "evidence"]),
            "Outcome": OA.object(
                [
                    "id": OA.integer, "assignment_id": OA.integer, "kind": OA.string, "title": OA.string,
                    "achieved_on": OA.string, "status": OA.string, "status_reason": OA.nullable("string"),
                    "evidence_sha256": OA.nullable("string"), "evidence_size": OA.nullable("integer"),
                ], required: ["id", "assignment_id", "kind", "title", "achieved_on", "status"]),
            "OutcomeList": OA.object(
                [
                    "items": OA.array(
                        OA.object(
                            [
                                "id": OA.integer, "assignment_id": OA.integer, "kind": OA.string,
                                "kind_label": OA.string,
                                "title": OA.string, "achieved_on": OA.string, "status": OA.string,
                                "status_reason": OA.nullable("string"), "expert_name": OA.string,
                                "enterprise_name": OA.string, "trained_count": OA.nullable("integer"),
                                "contract_value": OA.nullable("number"), "evidence_filename": OA.nullable("string"),
                            ],
                            required: [
                                "id", "assignment_id", "kind", "kind_label", "title", "achieved_on", "status",
                                "expert_name",
                                "enterprise_name",
                            ])),
                    "next_before_id": OA.nullable("integer"),
                ], required: ["items", "next_before_id"]),
            "Composition": OA.object(
                [
                    "items": OA.array(
                        OA.object(
                            [
                                "dimension": OA.enumeration(["degree", "age", "origin", "unit_kind"]),
                                "category": OA.string, "label": OA.string, "people": OA.integer, "share": OA.number,
                            ], required: ["dimension", "category", "label", "people", "share"]))
                ], required: ["items"]),
            "ServiceLogInput": OA.object(
                ["served_on": OA.date, "days": OA.number, "work": OA.string], required: ["served_on", "days", "work"]),
            "Created": OA.object(["id": OA.integer], required: ["id"]),
            "ServiceStatusList": OA.object(
                [
                    "items": OA.array(
                        OA.object(
                            [
                                "assignment_id": OA.integer, "expert_id": OA.integer, "expert_name": OA.string,
                                "enterprise_name": OA.string, "year": OA.integer, "days_served": OA.number,
                                "days_expected": OA.number, "behind": OA.boolean,
                            ], required: ["assignment_id", "expert_id", "days_served", "days_expected", "behind"])),
                    "total": OA.integer, "next_after_id": OA.nullable("integer"),
                ], required: ["items", "total", "next_after_id"]),
            "AssessmentInput": OA.object(
                [
                    "period": OA.string, "grade": OA.enumeration(["excellent", "good", "pass", "fail"]),
                    "comments": OA.string,
                ], required: ["period", "grade"]),
            "Assessment": OA.object(
                [
                    "id": OA.integer, "assignment_id": OA.integer, "period": OA.string, "grade": OA.string,
                    "grade_label": OA.string, "comments": OA.string, "assessed_on": OA.string,
                ], required: ["id", "assignment_id", "period", "grade"]),
            "RenewalDecision": OA.object(
                [
                    "reasons": OA.array(
                        OA.object(["code": OA.string, "message": OA.string], required: ["code", "message"])),
                    "peak_service_days": OA.integer, "allowed": OA.boolean,
                ], required: ["allowed", "reasons"]),
            "NeedFunnel": OA.object(
                [
                    "items": OA.array(
                        OA.object(
                            [
                                "track": OA.string, "received": OA.integer, "matched": OA.integer,
                                "dispatched": OA.integer, "solved": OA.integer,
                            ], required: ["track", "received", "matched", "dispatched", "solved"]))
                ], required: ["items"]),
            "TalentGap": OA.object(
                [
                    "items": OA.array(
                        OA.object(
                            [
                                "discipline": OA.string, "discipline_name": OA.string, "track": OA.string,
                                "unmatched_needs": OA.integer, "available_experts": OA.integer,
                            ], required: ["discipline", "track", "unmatched_needs", "available_experts"]))
                ], required: ["items"]),
            "HeadlineReport": OA.object(
                [
                    "group_by": OA.string,
                    "items": OA.array(
                        OA.object(
                            [
                                "group": OA.string, "commissioners": OA.integer, "projects": OA.integer,
                                "achievement_transfers": OA.integer, "standards": OA.integer,
                                "new_products": OA.integer,
                                "platforms": OA.integer, "staff_trained": OA.integer, "contracts": OA.integer,
                                "contract_value": OA.number, "amount_received": OA.number, "patents": OA.integer,
                            ], required: ["group", "commissioners", "projects"])),
                ], required: ["group_by", "items"]),
            "AssignmentList": OA.object(["items": OA.array(OA.ref("Assignment"))], required: ["items"]),
            "Merge": OA.object(["into": OA.integer, "reason": OA.string], required: ["into"]),
            "AuditList": OA.object(
                [
                    "items": OA.array(
                        OA.object(
                            [
                                "id": OA.integer, "at": OA.dateTime, "actor_id": OA.nullable("integer"),
                                "actor_name": OA.nullable("string"), "request_id": OA.nullable("string"),
                                "action": OA.enumeration(["INSERT", "UPDATE", "DELETE"]), "entity": OA.string,
                                "entity_id": OA.nullable("string"), "before": ["type": ["object", "null"]],
                                "after": ["type": ["object", "null"]],
                            ], required: ["id", "at", "action", "entity"])),
                    "next_before_id": OA.nullable("integer"),
                ], required: ["items", "next_before_id"]),
            "OrganizationList": OA.object(["items": OA.array(OA.ref("Organization"))], required: ["items"]),
            "ExpertInput": OA.object(expertProfile),
            "Expert": OA.object(
                expert, required: ["id", "unit_id", "status", "status_label", "name", "contacts_hidden"]),
            "ExpertList": OA.object(["items": OA.array(OA.ref("Expert"))], required: ["items"]),
            "ConflictInput": OA.object([
                "expert_id": OA.integer, "unit_id": OA.integer, "enterprise_id": OA.integer,
                "kind": OA.enumeration(["founder", "equity", "relative", "former_employer", "other"]),
                "note": OA.string,
                "valid_until": OA.date,
            ]),
            "Conflict": conflict,
            "ImportResult": OA.object(
                [
                    "mode": OA.enumeration(["check", "all", "valid"]), "row_count": OA.integer, "imported": OA.integer,
                    "issues": OA.array(
                        OA.object(
                            [
                                "row": OA.integer, "line": OA.integer, "field": OA.string, "code": OA.string,
                                "message": OA.string,
                            ],
                            required: ["row", "field", "code", "message"])),
                ], required: ["mode", "row_count", "imported", "issues"]),
            "ConflictList": OA.object(["items": OA.array(OA.ref("Conflict"))], required: ["items"]),
            // 422 from an import: the row report (mode=all with invalid rows), or the common error (unreadable file).
            "ImportRejected": ["oneOf": [OA.ref("ImportResult"), OA.ref("Error")]],
        ]
    }
}
