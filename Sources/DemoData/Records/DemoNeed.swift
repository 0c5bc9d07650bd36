import Domain

/// A synthetic enterprise need, with its owner and optional preferred expert (企业点将).
public struct DemoNeed: Sendable, Codable, Equatable {
    /// `need-0001` … `need-0500`.
    public let id: String
    public let enterpriseId: String
    public let draft: NeedDraft
    /// The `TopicBank` topic the need was written from.
    public let topicCode: String
    /// The expert the enterprise names, if any; the expert's disciplines fit the need.
    public let preferredExpertId: String?
}
