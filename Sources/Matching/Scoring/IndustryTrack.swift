/// One of the seven industry tracks, kept as a data table row (stable code, Chinese and English name).
public struct IndustryTrack: Sendable, Hashable {
    public var code: String
    public var chineseName: String
    public var englishName: String

    /// The seven tracks of the Jilin program, in the program's order.
    public static let all: [IndustryTrack] = [
        IndustryTrack(code: "agriculture", chineseName: "大农业", englishName: "agriculture"),
        IndustryTrack(code: "equipment", chineseName: "大装备", englishName: "equipment"),
        IndustryTrack(code: "bigdata", chineseName: "大数据", englishName: "big data"),
        IndustryTrack(code: "new_energy", chineseName: "新能源", englishName: "new energy"),
        IndustryTrack(code: "new_materials", chineseName: "新材料", englishName: "new materials"),
        IndustryTrack(code: "new_medicine", chineseName: "新医药", englishName: "new medicine"),
        IndustryTrack(code: "optoelectronics", chineseName: "光电信息", englishName: "optoelectronic information"),
    ]

    private static let lookup: [String: String] = {
        var table: [String: String] = [:]
        for track in all {
            table[track.code] = track.code
            table[track.chineseName] = track.code
            table[track.englishName] = track.code
        }
        return table
    }()

    /// The stable code for a code, a Chinese name or an English name (case and spaces ignored);
    /// an unknown value is returned trimmed and lower-cased, so two equal unknown values still match.
    public static func normalizedCode(_ value: String) -> String {
        let trimmed = value.trimmingSpaces().lowercased()
        return lookup[trimmed] ?? lookup[trimmed.replacingSpaces(with: "_")] ?? trimmed
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    func replacingSpaces(with replacement: String) -> String {
        split(separator: " ").joined(separator: replacement)
    }
}
