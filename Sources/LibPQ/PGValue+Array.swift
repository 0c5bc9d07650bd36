import Foundation

/// Text-format array literals: `{a,"b c",NULL}`.
enum PGArrayText {
    static func encode(_ items: [String]) -> String {
        var out = "{"
        for (n, item) in items.enumerated() {
            if n > 0 { out += "," }
            out += "\""
            for ch in item.unicodeScalars {
                if ch == "\"" || ch == "\\" { out += "\\" }
                out.unicodeScalars.append(ch)
            }
            out += "\""
        }
        return out + "}"
    }

    /// Parses a one-dimensional array literal; NULL elements come back as nil.
    static func decode(_ text: String) -> [String?]? {
        var u = Array(text.utf8)
        // Arrays with non-default bounds print as "[0:2]={…}".
        if u.first == UInt8(ascii: "["), let eq = u.firstIndex(of: UInt8(ascii: "=")) { u.removeSubrange(0...eq) }
        guard u.first == UInt8(ascii: "{"), u.last == UInt8(ascii: "}") else { return nil }
        var items: [String?] = []
        var i = 1
        let end = u.count - 1
        if i == end { return [] }
        while i <= end {
            var bytes: [UInt8] = []
            var quoted = false
            if u[i] == UInt8(ascii: "\"") {
                quoted = true
                i += 1
                while i < end, u[i] != UInt8(ascii: "\"") {
                    if u[i] == UInt8(ascii: "\\") { i += 1 }
                    guard i < end else { return nil }
                    bytes.append(u[i])
                    i += 1
                }
                i += 1
            } else {
                while i < end, u[i] != UInt8(ascii: ","), u[i] != UInt8(ascii: "{") {
                    bytes.append(u[i])
                    i += 1
                }
                if i < end, u[i] == UInt8(ascii: "{") { return nil }  // multi-dimensional
            }
            let s = String(decoding: bytes, as: UTF8.self)
            items.append(!quoted && s == "NULL" ? nil : s)
            guard i == end || u[i] == UInt8(ascii: ",") else { return nil }
            i += 1
        }
        return items
    }
}

extension Array: PGEncodable where Element: PGArrayElement {
    public static var pgTypeOID: UInt32 { Element.pgArrayOID }
    public var pgText: String? { PGArrayText.encode(map { $0.pgText ?? "" }) }
}

extension Array: PGDecodable where Element: PGArrayElement {
    public static var pgAcceptedOIDs: Set<UInt32> { Element.pgAcceptedArrayOIDs }
    public static func pgDecode(text: String) -> [Element]? {
        guard let raw = PGArrayText.decode(text) else { return nil }
        var out: [Element] = []
        out.reserveCapacity(raw.count)
        for item in raw {
            guard let item, let value = Element.pgDecode(text: item) else { return nil }
            out.append(value)
        }
        return out
    }
}

/// Element types that have a one-dimensional PostgreSQL array type.
public protocol PGArrayElement: PGEncodable, PGDecodable {
    static var pgArrayOID: UInt32 { get }
    static var pgAcceptedArrayOIDs: Set<UInt32> { get }
}

extension String: PGArrayElement {
    public static var pgArrayOID: UInt32 { PGOID.textArray }
    public static var pgAcceptedArrayOIDs: Set<UInt32> { [PGOID.textArray, PGOID.varcharArray, PGOID.bpcharArray] }
}

extension Int: PGArrayElement {
    public static var pgArrayOID: UInt32 { PGOID.int8Array }
    public static var pgAcceptedArrayOIDs: Set<UInt32> { [PGOID.int8Array, PGOID.int4Array, PGOID.int2Array] }
}
