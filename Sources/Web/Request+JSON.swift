import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body, keeping `DecodingError` (so the error names the field) and enforcing the size limit.
    func decodeJSON<T: Decodable>(as type: T.Type, context: AppRequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }
}
