import Foundation

extension Bool: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.bool }
    public var pgText: String? { self ? "t" : "f" }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.bool] }
    public static func pgDecode(text: String) -> Bool? {
        switch text {
        case "t", "true": true
        case "f", "false": false
        default: nil
        }
    }
}

extension Int: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.int8 }
    public var pgText: String? { String(self) }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.int2, PGOID.int4, PGOID.int8, PGOID.oid] }
    public static func pgDecode(text: String) -> Int? { Int(text) }
}

extension Int64: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.int8 }
    public var pgText: String? { String(self) }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.int2, PGOID.int4, PGOID.int8, PGOID.oid] }
    public static func pgDecode(text: String) -> Int64? { Int64(text) }
}

extension Int32: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.int4 }
    public var pgText: String? { String(self) }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.int2, PGOID.int4] }
    public static func pgDecode(text: String) -> Int32? { Int32(text) }
}

extension Double: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.float8 }
    public var pgText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return "\(self)"  // Swift prints the shortest text that round-trips exactly.
    }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.float4, PGOID.float8, PGOID.numeric] }
    public static func pgDecode(text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text)
        }
    }
}

extension String: PGEncodable, PGDecodable {
    // OID 0 lets the server type the parameter from context, as it would a quoted literal.
    public static var pgTypeOID: UInt32 { 0 }
    public var pgText: String? { self }
    public static var pgAcceptedOIDs: Set<UInt32> { PGOID.textLike }
    public static func pgDecode(text: String) -> String? { text }
}

extension UUID: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.uuid }
    public var pgText: String? { uuidString.lowercased() }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.uuid] }
    public static func pgDecode(text: String) -> UUID? { UUID(uuidString: text) }
}

extension Decimal: PGEncodable, PGDecodable {
    public static var pgTypeOID: UInt32 { PGOID.numeric }
    public var pgText: String? { isNaN ? "NaN" : description }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.numeric, PGOID.int2, PGOID.int4, PGOID.int8] }
    public static func pgDecode(text: String) -> Decimal? {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

/// Bytes stored as `bytea`.
public struct PGBytes: PGEncodable, PGDecodable, Equatable, Sendable {
    public var bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public static var pgTypeOID: UInt32 { PGOID.bytea }
    public var pgText: String? {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        out.reserveCapacity(bytes.count * 2 + 2)
        for b in bytes {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
    public static var pgAcceptedOIDs: Set<UInt32> { [PGOID.bytea] }
    public static func pgDecode(text: String) -> PGBytes? {
        let u = Array(text.utf8)
        guard u.count >= 2, u[0] == UInt8(ascii: "\\"), u[1] == UInt8(ascii: "x"), u.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity((u.count - 2) / 2)
        var i = 2
        while i < u.count {
            guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return PGBytes(out)
    }
}
