import Domain
import Foundation
import Hummingbird
import LibPQ
import Logging
import Storage

/// The one HTTP boundary for errors: domain and storage errors become 4xx with a message naming the field;
/// anything unexpected becomes a 500 with a generic text and the request id, and is logged in full.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let api = Self.map(error, logger: context.logger)
            return api.response(requestID: context.id)
        }
    }

    static func map(_ error: any Error, logger: Logger) -> APIError {
        switch error {
        case let e as APIError:
            return e
        case let e as ValidationError:
            return APIError(.unprocessableContent, code: "validation_failed", message: "提交的内容有误", fields: e.errors)
        case let e as TransitionError:
            return APIError(.conflict, code: "invalid_transition", message: e.message, fields: [e.fieldError])
        case let e as StorageError:
            switch e {
            case .notFound(let entity, let id):
                return APIError(.notFound, code: "not_found", message: "未找到 \(entity) \(id)")
            case .forbidden(let why):
                return APIError(.forbidden, code: "forbidden", message: why)
            case .conflict(let why):
                return APIError(.conflict, code: "conflict", message: why)
            case .invalidCredentials:
                return APIError(.unauthorized, code: "invalid_credentials", message: "用户名或密码错误")
            case .tooManyAttempts(let seconds):
                return APIError(
                    .tooManyRequests, code: "too_many_attempts", message: "登录失败次数过多，请稍后再试",
                    headers: [.retryAfter: String(seconds)])
            }
        case let e as DecodingError:
            return APIError(
                .badRequest, code: "invalid_body", message: "请求内容无法解析",
                fields: [FieldError(field: Self.path(of: e), code: "invalid", message: "字段缺失或类型不正确")])
        case let e as PGError:
            if let mapped = e.domainError { return map(mapped, logger: logger) }
            if e.kind == .acquireTimeout || e.isConnectionLoss {
                logger.error("database unavailable", metadata: ["error": "\(e.debugDescription)"])
                return APIError(.serviceUnavailable, code: "database_unavailable", message: "服务暂时不可用，请稍后重试")
            }
            logger.error("database error", metadata: ["error": "\(e.debugDescription)"])
            return APIError(.internalServerError, code: "internal", message: "服务器内部错误")
        case let e as HTTPError:
            let message = e.body ?? (e.status.code == 413 ? "请求内容过大" : e.status.reasonPhrase)
            return APIError(e.status, code: "http_\(e.status.code)", message: message)
        case let e as any HTTPResponseError:
            return APIError(e.status, code: "http_\(e.status.code)", message: e.status.reasonPhrase)
        default:
            logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return APIError(.internalServerError, code: "internal", message: "服务器内部错误")
        }
    }

    static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context? =
            switch error {
            case .keyNotFound(let key, let c):
                DecodingError.Context(codingPath: c.codingPath + [key], debugDescription: "")
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): c
            @unknown default: nil
            }
        let path = context?.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path?.isEmpty == false ? path! : "body"
    }
}
