/// Errors the storage layer raises for the web layer to turn into HTTP statuses.
public enum StorageError: Error, Equatable, Sendable {
    /// No such record (or one the caller may not know exists).
    case notFound(entity: String, id: String)
    /// The caller may not do this.
    case forbidden(String)
    /// Wrong username or password (deliberately not saying which).
    case invalidCredentials
    /// Too many failed logins recently, for this account or this client address.
    case tooManyAttempts(retryAfterSeconds: Int)
    /// The request conflicts with the current state (a capacity reached, a window still open…): 409.
    case conflict(String)
}
