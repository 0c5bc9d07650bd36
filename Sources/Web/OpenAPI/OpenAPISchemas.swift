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
        ]
    }
}
