import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore
import Storage

/// Renders the server-side pages: Mustache templates from the `templates/` folder, every page inside `layout`.
///
/// `{{…}}` escapes HTML (including quotes), so user text is always escaped; templates never use `{{{…}}}`.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads every `*.mustache` file under `directory`; a missing folder or a syntax error stops start-up.
    public init(directory: String) async throws {
        guard FileManager.default.fileExists(atPath: directory + "/layout.mustache") else {
            throw PageTemplateError(message: "templates not found in \(directory) (set KCZY_TEMPLATES_DIR)")
        }
        library = try await MustacheLibrary(directory: directory)
    }

    /// Messages a redirect may ask the next page to show (`?msg=key`); never user text.
    static let flashMessages: [String: String] = [
        "saved": "已保存。", "submitted": "已提交，等待项目办审核。", "created": "已创建。", "approved": "已审核通过。",
        "returned": "已退回。", "accepted": "已受理。", "withdrawn": "已撤回。", "logged_out": "已退出登录。",
        "registered": "注册成功，请等待项目办审核，审核通过后即可登录。",
        "objected": "异议已提交，项目办将逐条核实处理。",
        "screened": "已完成形式审查。", "released": "已纳入可选派专家库。", "rejected": "已驳回。",
        "reported": "成效已提交，等待项目办核实。", "verified": "已核实，该成效计入统计。", "renewed": "已办理续派。",
    ]

    /// A full HTML page.
    func page(
        _ template: String, title: String, request: Request, context: AppRequestContext, data: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        var object = data
        object["title"] = title
        object["csrf"] = context.csrfToken ?? ""
        if let identity = context.identity {
            object["user"] = ["name": identity.displayName, "role": Self.roleLabel(identity.role)]
            object["nav"] = Self.nav(identity, path: request.uri.path)
        }
        if let key = request.uri.queryParameters["msg"].map(String.init), let text = Self.flashMessages[key] {
            object["flash"] = text
        }
        guard let html = library.render(object, withTemplate: template) else {
            throw PageTemplateError(message: "template \(template) is missing")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func roleLabel(_ role: Identity.Role) -> String {
        switch role {
        case .enterprise: "企业用户"
        case .unitAdmin: "派出单位管理员"
        case .expert: "专家"
        case .staff: "项目办工作人员"
        case .admin: "系统管理员"
        }
    }

    static func nav(_ identity: Identity, path: String) -> [[String: Any]] {
        let links: [(String, String)] =
            switch identity.role {
            case .enterprise:
                [
                    ("/dashboard", "工作台"), ("/enterprise/needs", "技术需求"), ("/enterprise/needs/new", "发布需求"),
                    ("/proposals", "推荐结果"), ("/assignments", "选派服务"), ("/reports", "统计"),
                    ("/enterprise/profile", "企业信息"),
                ]
            case .unitAdmin:
                [
                    ("/dashboard", "工作台"), ("/unit/experts", "本单位专家"), ("/unit/experts/new", "添加专家"),
                    ("/assignments", "选派服务"), ("/reports", "统计"),
                ]
            case .expert:
                [("/dashboard", "工作台"), ("/expert/profile", "我的资料"), ("/proposals", "推荐结果"), ("/assignments", "选派服务")]
            case .staff, .admin:
                [
                    ("/dashboard", "工作台"), ("/staff/needs", "需求审核"), ("/staff/organizations", "单位与企业审核"),
                    ("/staff/experts", "专家审查"), ("/staff/batches", "匹配批次"), ("/assignments", "选派服务"),
                    ("/staff/outcomes", "成效核实"), ("/reports", "统计报表"), ("/staff/audit", "审计日志"),
                ]
            }
        return links.map { ["href": $0.0, "label": $0.1, "active": $0.0 == path] as [String: Any] }
    }
}

struct PageTemplateError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
