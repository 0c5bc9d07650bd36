import Domain

/// All topics of the seven tracks, in a fixed order.
public enum TopicBank {
    public static let all: [DemoTopic] =
        materials + medicine + agriculture + optoelectronics + equipment + energy + bigData

    /// The topics of one track, in bank order.
    public static func topics(of track: IndustryTrack) -> [DemoTopic] {
        all.filter { $0.track == track }
    }

    /// The topic with `code`.
    public static func topic(code: String) -> DemoTopic? {
        all.first { $0.code == code }
    }
}
