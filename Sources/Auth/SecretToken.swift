import Crypto
import Foundation

/// Random bearer/session secrets; only their SHA-256 is stored, so a database leak yields no usable token.
public enum SecretToken {
    /// A new 256-bit secret, URL-safe base64 without padding.
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Hex SHA-256 of a secret, the form kept in the database.
    public static func digest(_ secret: String) -> String {
        Hex.sha256(Array(secret.utf8))
    }
}

/// Lower-case hexadecimal, without `String(format:)` (which cost 7 % of an authenticated request's CPU).
public enum Hex {
    static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The SHA-256 of `bytes` in hex.
    public static func sha256(_ bytes: some DataProtocol) -> String { encode(SHA256.hash(data: bytes)) }
}
