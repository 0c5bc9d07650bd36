import Auth
import Crypto
import Foundation

/// One numbered SQL file from `sql/`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let fileName: String
    public let sql: String

    /// Hex SHA-256 of the file's UTF-8 text, computed once at load (what `schema_migrations.checksum` records).
    public let checksum: String

    public init(version: Int, name: String, fileName: String, sql: String) {
        self.version = version
        self.name = name
        self.fileName = fileName
        self.sql = sql
        self.checksum = Hex.sha256(Array(sql.utf8))
    }

    /// Reads `NNNN_name.sql` files, in order, refusing gaps, duplicates and stray names.
    public static func load(directory: String) throws -> [Migration] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw MigrationError.directoryUnreadable(directory)
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            let stem = name.dropLast(4)
            let parts = stem.split(separator: "_", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]), version > 0 else {
                throw MigrationError.badFileName(name)
            }
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = fm.contents(atPath: path), let sql = String(data: data, encoding: .utf8) else {
                throw MigrationError.directoryUnreadable(path)
            }
            migrations.append(Migration(version: version, name: String(parts[1]), fileName: name, sql: sql))
        }
        for (i, m) in migrations.enumerated() where m.version != i + 1 {
            if i > 0, migrations[i - 1].version == m.version {
                throw MigrationError.duplicateVersion(m.fileName, migrations[i - 1].fileName)
            }
            throw MigrationError.gap(expected: i + 1, found: m.fileName)
        }
        return migrations
    }
}

/// Why migrations were refused.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case directoryUnreadable(String)
    case badFileName(String)
    case gap(expected: Int, found: String)
    case duplicateVersion(String, String)
    case checksumMismatch(file: String)
    case unknownApplied(version: Int, name: String)
    case pending([String])
    case notPrefix(missing: String)

    public var description: String {
        switch self {
        case .directoryUnreadable(let p): "cannot read migrations at \(p)"
        case .badFileName(let f): "migration file \(f) is not named NNNN_name.sql"
        case .gap(let expected, let found):
            "migration numbering has a gap: expected \(String(format: "%04d", expected)) but found \(found)"
        case .duplicateVersion(let a, let b): "migration files \(a) and \(b) share a number"
        case .checksumMismatch(let f): "migration \(f) was changed after it was applied (checksum differs)"
        case .unknownApplied(let v, let n):
            "the database has migration \(String(format: "%04d", v))_\(n) applied, which is not in sql/"
        case .pending(let files): "migrations are pending: \(files.joined(separator: ", "))"
        case .notPrefix(let f): "applied migrations skip \(f): the applied list is not a prefix of sql/"
        }
    }
}
