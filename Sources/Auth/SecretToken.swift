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
        SHA256.hash(data: Array(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
