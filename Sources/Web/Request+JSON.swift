import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body, keeping `DecodingError` (so the error names the field) and enforcing the size limit.
    func decodeJSON<T: Decodable>(as type: T.Type, context: AppRequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }

    /// Like `decodeJSON`, but an empty body decodes as `fallback` (action endpoints whose body is optional).
    func decodeJSON<T: Decodable>(as type: T.Type, context: AppRequestContext, emptyBody fallback: T) async throws -> T
    {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        if buffer.readableBytes == 0 { return fallback }
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }
}

/// The optional body of lifecycle actions: a written reason (required by some transitions).
struct ReasonBody: Decodable {
    var reason: String?
}
