/// A Swift value that can be sent as a bind parameter in PostgreSQL text format.
public protocol PGEncodable: Sendable {
    /// The type OID announced to the server (0 lets the server infer it, like a quoted literal).
    static var pgTypeOID: UInt32 { get }
    /// The text representation, or nil for NULL.
    var pgText: String? { get }
}

/// A Swift value that can be decoded from a result column in PostgreSQL text format.
public protocol PGDecodable {
    /// Column type OIDs this type accepts. Decoding any other type is an error, not a guess.
    static var pgAcceptedOIDs: Set<UInt32> { get }
    /// Decodes a non-NULL value.
    static func pgDecode(text: String) -> Self?
    /// Decodes a possibly NULL value; only `Optional` accepts NULL.
    static func pgDecode(nullable text: String?, column: String) throws -> Self
}

extension PGDecodable {
    public static func pgDecode(nullable text: String?, column: String) throws -> Self {
        guard let text else {
            throw PGError(.decoding, message: "column \(column) is NULL but \(Self.self) is not optional")
        }
        guard let value = pgDecode(text: text) else {
            throw PGError(.decoding, message: "column \(column): cannot decode \(Self.self) from its text")
        }
        return value
    }
}

/// Type OIDs of the built-in PostgreSQL types the layer maps.
public enum PGOID {
    public static let bool: UInt32 = 16
    public static let bytea: UInt32 = 17
    public static let char: UInt32 = 18
    public static let name: UInt32 = 19
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let oid: UInt32 = 26
    public static let json: UInt32 = 114
    public static let float4: UInt32 = 700
    public static let float8: UInt32 = 701
    public static let unknown: UInt32 = 705
    public static let int2Array: UInt32 = 1005
    public static let int4Array: UInt32 = 1007
    public static let textArray: UInt32 = 1009
    public static let bpcharArray: UInt32 = 1014
    public static let varcharArray: UInt32 = 1015
    public static let int8Array: UInt32 = 1016
    public static let bpchar: UInt32 = 1042
    public static let varchar: UInt32 = 1043
    public static let date: UInt32 = 1082
    public static let timestamp: UInt32 = 1114
    public static let timestamptz: UInt32 = 1184
    public static let numeric: UInt32 = 1700
    public static let uuid: UInt32 = 2950
    public static let jsonb: UInt32 = 3802
    public static let textLike: Set<UInt32> = [text, varchar, bpchar, name, char, unknown, json, jsonb]
}

extension Optional: PGEncodable where Wrapped: PGEncodable {
    public static var pgTypeOID: UInt32 { Wrapped.pgTypeOID }
    public var pgText: String? { self.flatMap { $0.pgText } }
}

extension Optional: PGDecodable where Wrapped: PGDecodable {
    public static var pgAcceptedOIDs: Set<UInt32> { Wrapped.pgAcceptedOIDs }
    public static func pgDecode(text: String) -> Self? { Wrapped.pgDecode(text: text).map { .some($0) } }
    public static func pgDecode(nullable text: String?, column: String) throws -> Self {
        guard let text else { return .none }
        return try Wrapped.pgDecode(nullable: text, column: column)
    }
}
