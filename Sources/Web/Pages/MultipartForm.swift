import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A parsed `multipart/form-data` body: text fields as a `FormData`, and the uploaded files.
struct MultipartForm: Sendable {
    struct File: Sendable {
        var field: String
        var filename: String
        var contentType: String
        var bytes: [UInt8]
    }

    var fields: FormData
    var files: [File]

    func file(_ name: String) -> File? { files.first { $0.field == name && !$0.bytes.isEmpty } }

    /// Reads the body (bounded by the context's upload limit) and checks the session's CSRF token, like `FormData.read`.
    static func read(_ request: Request, _ context: AppRequestContext) async throws -> MultipartForm {
        guard let type = request.headers[.contentType], let boundary = Self.parameter("boundary", in: type),
            type.lowercased().hasPrefix("multipart/form-data")
        else {
            throw APIError(.badRequest, code: "invalid_body", message: "表单应以 multipart/form-data 提交")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError(
                .contentTooLarge, code: "too_large",
                message: "上传内容超过 \(context.maxUploadSize / 1_048_576) MB，请压缩佐证材料（不超过1 MB）后重新提交")
        }
        let form = try parse(buffer, boundary: boundary)
        guard let expected = context.csrfToken, !expected.isEmpty,
            PageSession.constantTimeEqual(form.fields["_csrf"], expected)
        else {
            throw APIError(.forbidden, code: "csrf", message: "表单已失效，请刷新页面后重试")
        }
        return form
    }

    static func parse(_ buffer: ByteBuffer, boundary: String) throws -> MultipartForm {
        let parser = MultipartParser(boundary: boundary)
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        var pairs: [(String, String)] = []
        var files: [File] = []
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { chunk in body += chunk.readBytes(length: chunk.readableBytes) ?? [] }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
            let name = Self.parameter("name", in: disposition) ?? ""
            if let filename = Self.parameter("filename", in: disposition) {
                let type = headers.first { $0.0 == "content-type" }?.1 ?? "application/octet-stream"
                files.append(File(field: name, filename: filename, contentType: type, bytes: body))
            } else {
                pairs.append((name, String(decoding: body, as: UTF8.self)))
            }
            headers = []
            body = []
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw APIError(.badRequest, code: "invalid_body", message: "上传的表单格式不正确")
        }
        return MultipartForm(fields: FormData(pairs), files: files)
    }

    /// A `key=value` or `key="value"` parameter of a header such as `Content-Disposition` or `Content-Type`.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, kv[0].lowercased() == key else { continue }
            var v = kv[1]
            if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") {
                v = String(v.dropFirst().dropLast()).replacingOccurrences(of: "%22", with: "\"")
            }
            return v
        }
        return nil
    }
}
