import Auth
import Foundation
import LibPQ

/// Accounts, password login with throttling, and session/API tokens.
public struct AccountStore: Sendable {
    /// Throttling limits within a sliding window.
    public struct Throttle: Sendable {
        public var window: Int = 15 * 60
        public var perAccount: Int = 5
        public var perClient: Int = 20
        public init() {}
    }

    let pool: PGPool
    let hasher: PasswordHasher
    let throttle: Throttle

    public init(pool: PGPool, hasher: PasswordHasher = PasswordHasher(), throttle: Throttle = Throttle()) {
        self.pool = pool
        self.hasher = hasher
        self.throttle = throttle
    }

    /// Checks a password, recording the attempt; refuses early when recent failures pass the limits.
    public func authenticate(username: String, password: String, clientAddress: String) async throws -> Identity {
        let throttle = self.throttle
        let recent = try await pool.query(
            """
            SELECT count(*) FILTER (WHERE lower(username) = lower(\(username))),
                   count(*) FILTER (WHERE client_address = \(clientAddress))
            FROM login_attempt
            WHERE NOT succeeded AND at > now() - make_interval(secs => \(throttle.window))
            """)[0]
        if try recent.decode(0, as: Int.self) >= throttle.perAccount
            || recent.decode(1, as: Int.self) >= throttle.perClient
        {
            throw StorageError.tooManyAttempts(retryAfterSeconds: throttle.window)
        }
        let rows = try await pool.query(
            """
            SELECT id, username, display_name, role, organization_id, expert_id, password_hash FROM account
            WHERE lower(username) = lower(\(username)) AND active
            """)
        // Hash even for unknown users, so timing does not reveal which usernames exist.
        let stored = try rows.first.map { try $0.decode(6, as: String.self) } ?? Self.decoyHash
        let ok = hasher.verify(password, against: stored) && !rows.isEmpty
        try await pool.execute(
            "INSERT INTO login_attempt (username, client_address, succeeded) VALUES (\(username), \(clientAddress), \(ok))"
        )
        guard ok, let row = rows.first else { throw StorageError.invalidCredentials }
        return try Self.identity(row)
    }

    /// Issues a new token; the secret is returned once and only its digest is stored.
    public func issueToken(for accountID: Int, kind: String, lifetimeSeconds: Int, label: String? = nil) async throws
        -> (secret: String, csrf: String)
    {
        let secret = SecretToken.generate()
        let csrf = SecretToken.generate()
        try await pool.execute(
            """
            INSERT INTO auth_token (token_hash, account_id, kind, csrf_token, label, expires_at)
            VALUES (\(SecretToken.digest(secret)), \(accountID), \(kind), \(csrf), \(label),
                    now() + make_interval(secs => \(lifetimeSeconds)))
            """)
        return (secret, csrf)
    }

    /// The account behind a live (unexpired, unrevoked) token, with the token's CSRF secret.
    public func identity(forToken secret: String) async throws -> (identity: Identity, csrf: String?)? {
        let rows = try await pool.query(
            """
            SELECT a.id, a.username, a.display_name, a.role, a.organization_id, a.expert_id, t.csrf_token
            FROM auth_token t JOIN account a ON a.id = t.account_id
            WHERE t.token_hash = \(SecretToken.digest(secret)) AND t.revoked_at IS NULL AND t.expires_at > now()
              AND a.active
            """)
        guard let row = rows.first else { return nil }
        return (try Self.identity(row), try row.decode(6, as: String?.self))
    }

    /// Revokes one token (logout, or an API token the user withdraws).
    public func revoke(token secret: String) async throws {
        try await pool.execute(
            "UPDATE auth_token SET revoked_at = now() WHERE token_hash = \(SecretToken.digest(secret)) AND revoked_at IS NULL"
        )
    }

    static func identity(_ row: PGRow) throws -> Identity {
        let roleText = try row.decode(3, as: String.self)
        guard let role = Identity.Role(rawValue: roleText) else {
            throw PGError(.decoding, message: "unknown role \(roleText)")
        }
        return Identity(
            accountID: try row.decode(0), username: try row.decode(1), displayName: try row.decode(2), role: role,
            organizationID: try row.decode(4), expertID: try row.decode(5))
    }

    // A valid hash of a random password, verified when the username is unknown.
    static let decoyHash = (try? PasswordHasher().hash(SecretToken.generate())) ?? ""
}
