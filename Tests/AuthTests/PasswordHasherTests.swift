import Auth
import Testing

@Suite("Password hashing")
struct PasswordHasherTests {
    @Test("the production cost is at least 210,000 rounds and is recorded in the hash")
    func productionCost() throws {
        let hasher = PasswordHasher()
        #expect(hasher.rounds >= 210_000)
        let stored = try hasher.hash("kczy-staff-2026")
        #expect(stored.hasPrefix("pbkdf2-sha256$210000$"))
        #expect(hasher.verify("kczy-staff-2026", against: stored))
        #expect(!hasher.verify("kczy-staff-2027", against: stored))
    }

    @Test("salted: the same password hashes differently, and both verify")
    func salted() throws {
        let hasher = PasswordHasher(rounds: 1000)
        let a = try hasher.hash("密码🔐 with spaces")
        let b = try hasher.hash("密码🔐 with spaces")
        #expect(a != b)
        #expect(hasher.verify("密码🔐 with spaces", against: a))
        #expect(hasher.verify("密码🔐 with spaces", against: b))
        #expect(!hasher.verify("", against: a))
    }

    @Test("malformed stored strings never verify, and weaker hashes ask for a rehash")
    func malformed() throws {
        let hasher = PasswordHasher(rounds: 1000)
        for bad in ["", "plain", "pbkdf2-sha256$x$a$b", "md5$1000$AAAA$AAAA", "pbkdf2-sha256$1000$!!$??"] {
            #expect(!hasher.verify("x", against: bad))
        }
        let weak = try PasswordHasher(rounds: 10).hash("x")
        #expect(hasher.needsRehash(weak))
        #expect(!hasher.needsRehash(try hasher.hash("x")))
    }

    @Test("tokens are random and only their digest is kept")
    func tokens() {
        let a = SecretToken.generate()
        let b = SecretToken.generate()
        #expect(a != b)
        #expect(a.count == 43)
        #expect(SecretToken.digest(a) == SecretToken.digest(a))
        #expect(SecretToken.digest(a).count == 64)
        // The FIPS 180-2 test vector, and hex of every byte value.
        #expect(SecretToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode([0x00, 0x0f, 0x10, 0xa5, 0xff]) == "000f10a5ff")
        #expect(Hex.encode(Array(0...255)) == (0...255).map { String(format: "%02x", $0) }.joined())
        #expect(SecretToken.digest(a) != SecretToken.digest(b))
    }
}
