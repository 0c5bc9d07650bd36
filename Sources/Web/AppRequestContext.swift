import Hummingbird
import NIOCore
import Storage

/// The request context every kczy route sees.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address (throttling, logs).
    public let remoteAddress: SocketAddress?
    /// Set by `AuthenticationMiddleware` when the request carries a valid session or bearer token.
    public var identity: Identity?
    /// The CSRF secret of a cookie session (forms must echo it).
    public var csrfToken: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies above this size are refused with 413.
    public var maxUploadSize: Int { 2 * 1024 * 1024 }

    /// The identity, or 401.
    public func requireIdentity() throws -> Identity {
        guard let identity else { throw APIError(.unauthorized, code: "unauthenticated", message: "请先登录") }
        return identity
    }
}
