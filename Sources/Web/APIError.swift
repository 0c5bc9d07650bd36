import Domain
import Foundation
import HTTPTypes
import Hummingbird

/// An error with an HTTP status and a stable JSON body: `{"error": {"code", "message", "fields"}, "request_id"}`.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var fields: [FieldError]
    public var headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, code: String, message: String, fields: [FieldError] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
        self.headers = headers
    }

    struct Body: Encodable {
        struct Inner: Encodable {
            var code: String
            var message: String
            var fields: [FieldError]?
        }
        var error: Inner
        var requestID: String

        enum CodingKeys: String, CodingKey {
            case error
            case requestID = "request_id"
        }
    }

    func response(requestID: String) -> Response {
        let body = Body(
            error: .init(code: code, message: message, fields: fields.isEmpty ? nil : fields), requestID: requestID)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[HTTPField.Name("X-Request-Id")!] = requestID
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
