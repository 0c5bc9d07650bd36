import Domain
import Foundation
import Hummingbird
import Storage

/// `/api/v1/imports`: CSV templates and bulk import of experts (the body is the CSV file itself).
struct ImportController {
    let experts: ExpertImporter
    let needs: NeedImporter
    let today: @Sendable () -> LocalDate

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get(":kind/template") { _, context in
            _ = try context.requireIdentity()
            guard let kind = ImportKind(rawValue: context.parameters.get("kind") ?? "") else {
                throw APIError(.notFound, code: "not_found", message: "未知的导入类型")
            }
            let name =
                ImportTemplate.fileName(for: kind).addingPercentEncoding(withAllowedCharacters: .alphanumerics)
                ?? "template.csv"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename*=UTF-8''\(name)",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: ImportTemplate.template(for: kind))))
        }
        routes.post(":kind") { request, context in
            let identity = try context.requireIdentity()
            let modeText = request.uri.queryParameters["mode"].map(String.init) ?? "check"
            guard let mode = ImportMode(rawValue: modeText) else {
                throw APIError(
                    .badRequest, code: "invalid_query", message: "mode 应为 check、all 或 valid",
                    fields: [FieldError(field: "mode", code: "invalid", message: "未知的导入方式：\(modeText)")])
            }
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let bytes = Array(buffer.readableBytesView)
            let audit = context.audit(identity)
            let result: ImportResult
            switch context.parameters.get("kind") {
            case "experts":
                result = try await experts.run(bytes, mode: mode, by: identity, audit: audit, today: today())
            case "needs": result = try await needs.run(bytes, mode: mode, by: identity, audit: audit, today: today())
            default: throw APIError(.notFound, code: "not_found", message: "未知的导入类型")
            }
            let status: HTTPResponse.Status =
                result.imported > 0 ? .created : (mode == .all && !result.issues.isEmpty ? .unprocessableContent : .ok)
            return EditedResponse(status: status, response: ImportResultResponse(result: result))
        }
        return routes
    }
}

/// The import outcome as JSON.
struct ImportResultResponse: ResponseEncodable {
    var result: ImportResult

    func encode(to encoder: any Encoder) throws { try result.encode(to: encoder) }
}
