import Foundation
import Hummingbird
import Storage

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json` and checked against real responses
/// by the conformance test.
enum OpenAPIDocument {
    static var paths: OA.Node {
        let id = OA.pathParameter("id")
        let page = [OA.query("limit", OA.integer), OA.query("offset", OA.integer)]
        let action = ["name": "action", "in": "path", "required": true, "schema": OA.string] as OA.Node
        return [
            "/healthz": ["get": OA.operation("存活检查", tag: "运维", responses: [(200, "Probe")], secured: false)],
            "/readyz": [
                "get": OA.operation("就绪检查", tag: "运维", responses: [(200, "Probe"), (503, "Probe")], secured: false)
            ],
            "/api/v1/auth/login": [
                "post": OA.operation(
                    "登录，获取访问令牌", tag: "账号", body: "LoginRequest", responses: [(200, "Token")], secured: false)
            ],
            "/api/v1/auth/logout": ["post": OA.operation("注销当前令牌", tag: "账号", responses: [(204, nil)])],
            "/api/v1/auth/me": ["get": OA.operation("当前账号", tag: "账号", responses: [(200, "Account")])],
            "/api/v1/registrations/enterprise": [
                "post": OA.operation(
                    "企业注册（待审核）", tag: "机构", body: "Registration", responses: [(201, "RegistrationResult")],
                    secured: false)
            ],
            "/api/v1/registrations/unit": [
                "post": OA.operation(
                    "派出单位注册（待审核）", tag: "机构", body: "Registration", responses: [(201, "RegistrationResult")],
                    secured: false)
            ],
            "/api/v1/organizations": [
                "get": OA.operation(
                    "机构审核列表", tag: "机构", responses: [(200, "OrganizationList")],
                    parameters: [OA.query("status", OA.string)])
            ],
            "/api/v1/organizations/{id}": [
                "get": OA.operation("机构资料", tag: "机构", responses: [(200, "OrganizationDetail")], parameters: [id]),
                "put": OA.operation(
                    "修改机构资料（名称和代码不可改）", tag: "机构", body: "OrganizationEdit",
                    responses: [(200, "OrganizationDetail")], parameters: [id]),
            ],
            "/api/v1/organizations/{id}/aliases": [
                "put": OA.operation(
                    "设置机构别名（项目办）", tag: "机构", body: "Aliases", responses: [(200, "OrganizationDetail")],
                    parameters: [id])
            ],
            "/api/v1/organizations/{id}/similar": [
                "get": OA.operation(
                    "疑似重复机构（名称相似，仅供人工核对）", tag: "机构", responses: [(200, "OrganizationList")], parameters: [id])
            ],
            "/api/v1/organizations/{id}/merge": [
                "post": OA.operation(
                    "人工合并重复机构（项目办）", tag: "机构", body: "Merge", responses: [(200, "OrganizationDetail")],
                    parameters: [id])
            ],
            "/api/v1/batches": [
                "get": OA.operation("匹配批次列表", tag: "批次", responses: [(200, "BatchList")]),
                "post": OA.operation("新建匹配批次（设置随批次保存）", tag: "批次", body: "BatchInput", responses: [(201, "Batch")]),
            ],
            "/api/v1/batches/{id}": [
                "get": OA.operation("批次详情（运行状态、进度、诊断）", tag: "批次", responses: [(200, "Batch")], parameters: [id])
            ],
            "/api/v1/batches/{id}/{action}": [
                "post": OA.operation(
                    "批次操作（run / cancel / publish / finalize）", tag: "批次", body: "BatchAction",
                    responses: [(200, "Batch")], parameters: [id, action])
            ],
            "/api/v1/batches/{id}/proposals": [
                "get": OA.operation("批次推荐名单", tag: "批次", responses: [(200, "ProposalList")], parameters: [id])
            ],
            "/api/v1/batches/{id}/needs/{need}/alternates": [
                "get": OA.operation(
                    "需求的备选专家及未入选原因", tag: "批次", responses: [(200, "AlternateList")],
                    parameters: [id, OA.pathParameter("need")])
            ],
            "/api/v1/batches/{id}/objections": [
                "get": OA.operation("批次异议", tag: "公示", responses: [(200, "ObjectionList")], parameters: [id])
            ],
            "/api/v1/proposals": [
                "get": OA.operation("与我相关的推荐（企业、专家、单位）", tag: "批次", responses: [(200, "ProposalList")])
            ],
            "/api/v1/proposals/{id}/{action}": [
                "post": OA.operation(
                    "推荐操作（accept / reject / lock / unlock 由项目办；confirm / decline 由企业或专家）", tag: "批次",
                    body: "ActionReason", responses: [(200, "Proposal")], parameters: [id, action])
            ],
            "/api/v1/proposals/{id}/swap": [
                "get": OA.operation(
                    "替换为备选专家后的总分变化", tag: "批次", responses: [(200, "SwapDelta")],
                    parameters: [id, OA.query("expert_id", OA.integer)]),
                "post": OA.operation(
                    "替换为备选专家", tag: "批次", body: "Swap", responses: [(200, "Proposal")], parameters: [id]),
            ],
            "/api/v1/proposals/{id}/objections": [
                "post": OA.operation(
                    "实名提出书面异议（公示期内）", tag: "公示", body: "ObjectionInput", responses: [(201, "Objection")],
                    parameters: [id])
            ],
            "/api/v1/objections/{id}/{action}": [
                "post": OA.operation(
                    "处理异议（uphold / dismiss）", tag: "公示", body: "Resolution", responses: [(200, "Objection")],
                    parameters: [id, action])
            ],
            "/api/v1/publications/{id}": [
                "get": OA.operation(
                    "公示名单（不含联系方式和保密内容）", tag: "公示", responses: [(200, "PublicList")], secured: false,
                    parameters: [id])
            ],
            "/api/v1/assignments": [
                "get": OA.operation("选派记录", tag: "选派", responses: [(200, "AssignmentList")]),
                "post": OA.operation("直接选派（项目办）", tag: "选派", body: "AssignmentInput", responses: [(201, "Assignment")]),
            ],
            "/api/v1/assignments/{id}/agreement": [
                "put": OA.operation(
                    "登记三方协议（编号、签订日期）", tag: "选派", body: "Agreement", responses: [(200, "Assignment")],
                    parameters: [id])
            ],
            "/api/v1/assignments/{id}/outcomes": [
                "post": OA.operation(
                    "填报成效（附佐证材料，base64）", tag: "成效", body: "OutcomeInput", responses: [(201, "Outcome")],
                    parameters: [id])
            ],
            "/api/v1/assignments/{id}/service-logs": [
                "post": OA.operation(
                    "填报驻企服务记录", tag: "成效", body: "ServiceLogInput", responses: [(201, "Created")], parameters: [id])
            ],
            "/api/v1/service-logs/status": [
                "get": OA.operation(
                    "本年度驻企天数（behind=true 仅列出落后者；按派驻编号分页，after_id 取下一页）", tag: "成效",
                    responses: [(200, "ServiceStatusList")],
                    parameters: [
                        OA.query("behind", OA.enumeration(["true", "false"])),
                        OA.query("limit", OA.integer),
                        OA.query("after_id", OA.integer),
                    ])
            ],
            "/api/v1/assignments/{id}/assessments": [
                "post": OA.operation(
                    "录入年度或期满考核", tag: "考核", body: "AssessmentInput", responses: [(200, "Assessment")],
                    parameters: [id])
            ],
            "/api/v1/assignments/{id}/renewal": [
                "get": OA.operation("能否续派及原因", tag: "考核", responses: [(200, "RenewalDecision")], parameters: [id])
            ],
            "/api/v1/assignments/{id}/renew": [
                "post": OA.operation("办理续派", tag: "考核", responses: [(201, "Created")], parameters: [id])
            ],
            "/api/v1/outcomes": [
                "get": OA.operation(
                    "成效列表（按权限范围，最新在前，before_id 翻页）", tag: "成效", responses: [(200, "OutcomeList")],
                    parameters: [
                        OA.query("status", OA.enumeration(["reported", "verified", "rejected"])),
                        OA.query("assignment_id", OA.integer), OA.query("limit", OA.integer),
                        OA.query("before_id", OA.integer),
                    ])
            ],
            "/api/v1/outcomes/{id}/evidence": [
                "get": [
                    "summary": "下载佐证材料（Digest 头为 SHA-256）", "tags": ["成效"], "security": [["bearer": [String]()]],
                    "parameters": [id],
                    "responses": [
                        "200": [
                            "description": "原文件",
                            "content": Dictionary(
                                uniqueKeysWithValues: OutcomeStore.allowedTypes.sorted().map {
                                    ($0, ["schema": ["type": "string", "format": "binary"]] as OA.Node)
                                }) as OA.Node,
                        ] as OA.Node,
                        "default": ["description": "错误", "content": ["application/json": ["schema": OA.ref("Error")]]],
                    ],
                ] as OA.Node
            ],
            "/api/v1/outcomes/{id}/{action}": [
                "post": OA.operation(
                    "核实成效（verify / reject）", tag: "成效", body: "ActionReason", responses: [(200, "Outcome")],
                    parameters: [id, action])
            ],
            "/api/v1/reports/headline": [
                "get": [
                    "summary": "主要指标统计（仅计已核实成效；续派专员只计一次）", "tags": ["报表"],
                    "security": [["bearer": [String]()]],
                    "parameters": [
                        OA.query("group_by", OA.enumeration(["total", "year", "batch", "track", "region", "unit"])),
                        OA.query("format", OA.enumeration(["json", "csv"])),
                    ],
                    "responses": [
                        "200": [
                            "description": "JSON，或 Excel 可直接打开的 CSV（UTF-8 带 BOM）",
                            "content": [
                                "application/json": ["schema": OA.ref("HeadlineReport")],
                                "text/csv": ["schema": OA.string],
                            ],
                        ],
                        "default": ["description": "错误", "content": ["application/json": ["schema": OA.ref("Error")]]],
                    ],
                ] as OA.Node
            ],
            "/api/v1/reports/composition": [
                "get": reportOperation("专员队伍结构：博士占比、年龄、省内外、高校与科研院所（人数，续派只计一次）", schema: "Composition")
            ],
            "/api/v1/reports/needs": ["get": reportOperation("需求征集、推荐、选派与解决情况（按产业赛道）", schema: "NeedFunnel")],
            "/api/v1/reports/talent-gap": [
                "get": reportOperation("人才缺口：未能匹配的需求（按学科和赛道），引才清单", schema: "TalentGap")
            ],
            "/api/v1/audit": [
                "get": OA.operation(
                    "审计日志（项目办）", tag: "审计", responses: [(200, "AuditList")],
                    parameters: [
                        OA.query("entity", OA.string), OA.query("entity_id", OA.string),
                        OA.query("actor_id", OA.integer),
                        OA.query("before_id", OA.integer), OA.query("limit", OA.integer),
                    ])
            ],
            "/api/v1/organizations/{id}/{action}": [
                "post": OA.operation(
                    "审核机构（approve / reject）", tag: "机构", body: "ActionReason", responses: [(200, "Organization")],
                    parameters: [id, action])
            ],
            "/api/v1/needs": [
                "get": OA.operation(
                    "需求列表", tag: "需求", responses: [(200, "NeedList")],
                    parameters: [OA.query("status", OA.string)] + page),
                "post": OA.operation("新建需求草稿", tag: "需求", body: "NeedDraft", responses: [(201, "Need")]),
            ],
            "/api/v1/needs/{id}": [
                "get": OA.operation("需求详情", tag: "需求", responses: [(200, "Need")], parameters: [id]),
                "put": OA.operation("修改需求", tag: "需求", body: "NeedDraft", responses: [(200, "Need")], parameters: [id]),
            ],
            "/api/v1/needs/{id}/history": [
                "get": OA.operation("需求状态记录", tag: "需求", responses: [(200, "TransitionList")], parameters: [id])
            ],
            "/api/v1/needs/{id}/{action}": [
                "post": OA.operation(
                    "需求状态操作（submit / withdraw / accept / return / close / renew）", tag: "需求", body: "ActionReason",
                    responses: [(200, "Need")], parameters: [id, action])
            ],
            "/api/v1/experts": [
                "get": OA.operation("专家列表", tag: "专家", responses: [(200, "ExpertList")], parameters: page),
                "post": OA.operation("添加专家", tag: "专家", body: "ExpertInput", responses: [(201, "Expert")]),
            ],
            "/api/v1/experts/{id}": [
                "get": OA.operation("专家详情", tag: "专家", responses: [(200, "Expert")], parameters: [id]),
                "put": OA.operation(
                    "修改专家资料", tag: "专家", body: "ExpertInput", responses: [(200, "Expert")], parameters: [id]),
            ],
            "/api/v1/experts/{id}/{action}": [
                "post": OA.operation(
                    "专家状态操作（approve / screen / release / suspend / reinstate）", tag: "专家", body: "ActionReason",
                    responses: [(200, "Expert")], parameters: [id, action])
            ],
            "/api/v1/conflicts": [
                "get": OA.operation("利益冲突登记", tag: "利益冲突", responses: [(200, "ConflictList")]),
                "post": OA.operation("登记或申报利益冲突", tag: "利益冲突", body: "ConflictInput", responses: [(201, "Conflict")]),
            ],
            "/api/v1/imports/experts": [
                "post": importOperation("批量导入专家（CSV）")
            ],
            "/api/v1/imports/needs": [
                "post": importOperation("批量导入需求（CSV）")
            ],
            "/api/v1/imports/{kind}/template": [
                "get": [
                    "summary": "下载导入模板（CSV，UTF-8 带 BOM）", "tags": ["导入"], "security": [["bearer": [String]()]],
                    "parameters": [
                        [
                            "name": "kind", "in": "path", "required": true,
                            "schema": OA.enumeration(["experts", "needs"]),
                        ]
                    ],
                    "responses": [
                        "200": ["description": "CSV 模板", "content": ["text/csv": ["schema": OA.string]]],
                        "default": ["description": "错误", "content": ["application/json": ["schema": OA.ref("Error")]]],
                    ],
                ] as OA.Node
            ],
            "/api/v1/conflicts/{id}": [
                "delete": OA.operation("删除利益冲突登记", tag: "利益冲突", responses: [(204, nil)], parameters: [id])
            ],
        ]
    }

    /// A staff report: JSON, or with `format=csv` a CSV Excel opens (UTF-8 with BOM).
    static func reportOperation(_ summary: String, schema: String) -> OA.Node {
        [
            "summary": summary, "tags": ["报表"], "security": [["bearer": [String]()]],
            "parameters": [OA.query("format", OA.enumeration(["json", "csv"]))],
            "responses": [
                "200": [
                    "description": "JSON 或 CSV",
                    "content": [
                        "application/json": ["schema": OA.ref(schema)], "text/csv": ["schema": OA.string],
                    ],
                ],
                "default": ["description": "错误", "content": ["application/json": ["schema": OA.ref("Error")]]],
            ],
        ]
    }

    /// Bulk import: the body is the CSV file (UTF-8 with or without BOM, or GB18030).
    static func importOperation(_ summary: String) -> OA.Node {
        var op = OA.operation(
            summary, tag: "导入", responses: [(200, "ImportResult"), (201, "ImportResult"), (422, "ImportRejected")],
            parameters: [OA.query("mode", OA.enumeration(["check", "all", "valid"]))])
        op["requestBody"] = ["required": true, "content": ["text/csv": ["schema": OA.string]]]
        return op
    }

    static var document: OA.Node {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "kczy 科创专员选派与匹配服务 API", "version": "1.0.0",
                "description": "科创专员（科创副总）选派工作的需求征集、专家申报、评审选派与成效跟踪接口。",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "schemas": OpenAPISchemas.all,
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    /// The document as JSON bytes, built once.
    static let json: Data = {
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
    }()

    static var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: json)))
        }
        return routes
    }
}
