import Hummingbird

/// The request context every kczy route sees.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// Request bodies above this size are refused with 413.
    public var maxUploadSize: Int { 2 * 1024 * 1024 }
}
