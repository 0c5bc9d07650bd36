import Crypto
import CryptoExtras
import Foundation

/// Hashes and verifies passwords with PBKDF2-HMAC-SHA256, stored as a self-describing string.
///
/// Format: `pbkdf2-sha256$<rounds>$<salt, base64>$<hash, base64>`. The round count travels with the hash, so
/// raising the cost later leaves old hashes verifiable (and `needsRehash` says when to upgrade one).
public struct PasswordHasher: Sendable {
    /// Production cost: OWASP's 2023 floor for PBKDF2-HMAC-SHA256, and swift-crypto's checked minimum.
    public static let defaultRounds = 210_000

    public let rounds: Int

    /// - Parameter rounds: below 210,000 only for tests, where hashing cost would dominate run time.
    public init(rounds: Int = PasswordHasher.defaultRounds) {
        self.rounds = max(1, rounds)
    }

    public func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = UInt8.random(in: 0...255, using: &rng) }
        let key = try derive(password, salt: salt, rounds: rounds)
        return
            "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(key.withUnsafeBytes { Data($0) }.base64EncodedString())"
    }

    /// True when `password` matches; false for a wrong password or a malformed stored string.
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let storedRounds = Int(parts[1]), storedRounds > 0,
            let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
            let key = try? derive(password, salt: [UInt8](salt), rounds: storedRounds, length: expected.count)
        else { return false }
        // SymmetricKey equality is constant-time.
        return key == SymmetricKey(data: expected)
    }

    /// True when a stored hash uses fewer rounds than this hasher.
    public func needsRehash(_ stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        return parts.count != 4 || (Int(parts[1]) ?? 0) < rounds
    }

    private func derive(_ password: String, salt: [UInt8], rounds: Int, length: Int = 32) throws -> SymmetricKey {
        try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: length,
            unsafeUncheckedRounds: rounds)
    }
}
