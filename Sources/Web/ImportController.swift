import Domain
import Foundation
import Hummingbird
import Storage

/// `/api/v1/imports`: CSV templates and bulk import of experts (the body is the CSV file itself).
struct ImportController {
    let importer: ExpertImporter
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
        routes.post("experts") { request, context in
            let identity = try context.requireIdentity()
            let modeText = request.uri.queryParameters["mode"].map(String.init) ?? "check"
            guard let mode = ExpertImporter.Mode(rawValue: modeText) else {
                throw APIError(
                    .badRequest, code: "invalid_query", message: "mode 应为 check、all 或 valid",
                    fields: [FieldError(field: "mode", code: "invalid", message: "未知的导入方式：\(modeText)")])
            }
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let result = try await importer.run(
                Array(buffer.readableBytesView), mode: mode, by: identity,
                audit: NeedController.audit(identity, context),
                today: today())
            let status: HTTPResponse.Status =
                result.imported > 0 ? .created : (mode == .all && !result.issues.isEmpty ? .unprocessableContent : .ok)
            return EditedResponse(status: status, response: ImportResultResponse(result: result))
        }
        return routes
    }
}

/// The import outcome as JSON.
struct ImportResultResponse: ResponseEncodable {
    var result: ExpertImporter.Result

    func encode(to encoder: any Encoder) throws { try result.encode(to: encoder) }
}
