/// Formats numbers with a fixed count of decimals without Foundation, fast and locale-free.
enum FixedDecimal {
    /// `value` rounded half away from zero to `digits` decimals, e.g. 0.5 → "0.5000"; non-finite → "0.0000".
    static func format(_ value: Double, digits: Int = 4) -> String {
        var bytes: [UInt8] = []
        append(value, digits: digits, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `format(value, digits:)` as ASCII bytes.
    static func append(_ value: Double, digits: Int = 4, to out: inout [UInt8]) {
        var power: Int64 = 1
        for _ in 0..<digits { power *= 10 }
        guard value.isFinite, abs(value) * Double(power) < 9e15 else {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            for _ in 0..<digits { out.append(UInt8(ascii: "0")) }
            return
        }
        let units = Int64((abs(value) * Double(power)).rounded())
        if value < 0 && units != 0 { out.append(UInt8(ascii: "-")) }
        appendInteger(units / power, to: &out)
        out.append(UInt8(ascii: "."))
        let fraction = units % power
        var divisor = power / 10
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8((fraction / divisor) % 10))
            divisor /= 10
        }
    }

    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendInteger(value / 10, to: &out)
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}

/// JSON string quoting for the few strings the explanation writes.
enum JSONText {
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(ascii: "\\\"")
            case UInt8(ascii: "\\"): out.append(ascii: "\\\\")
            case 0x0A: out.append(ascii: "\\n")
            case 0x0D: out.append(ascii: "\\r")
            case 0x09: out.append(ascii: "\\t")
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(ascii: "\\u00")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
