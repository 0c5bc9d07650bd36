import Foundation

/// A Codable value stored as `jsonb`.
public struct PGJSON<Value: Codable & Sendable>: PGEncodable, PGDecodable, Sendable {
    public var value: Value

    public init(_ value: Value) { self.value = value }

    public static var pgTypeOID: UInt32 { PGOID.jsonb }

    public var pgText: String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a Codable value of our own types does not fail in practice; NULL is the honest fallback.
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.jsonb, PGOID.json] }

    public static func pgDecode(text: String) -> PGJSON? {
        (try? JSONDecoder().decode(Value.self, from: Data(text.utf8))).map(PGJSON.init)
    }
}

extension PGJSON: Equatable where Value: Equatable {}
