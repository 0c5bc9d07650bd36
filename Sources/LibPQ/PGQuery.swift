/// A SQL statement whose interpolated values always travel as bind parameters.
///
/// `"SELECT * FROM need WHERE id = \(id)"` becomes `SELECT * FROM need WHERE id = $1` with one bind.
/// Raw SQL text can only be spliced in through `\(unsafeRaw:)`, which makes injection points visible in review.
public struct PGQuery: Sendable, ExpressibleByStringInterpolation {
    public private(set) var sql: String
    public private(set) var binds: [PGBind]

    /// Builds a query from trusted SQL text and explicit binds.
    public init(unsafeSQL sql: String, binds: [PGBind] = []) {
        self.sql = sql
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.sql = value
        self.binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.binds = stringInterpolation.binds
    }

    /// Collects SQL text and binds.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PGBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        public mutating func appendInterpolation(_ value: some PGEncodable) {
            binds.append(PGBind(value))
            sql += "$\(binds.count)"
        }

        public mutating func appendInterpolation(_ value: (some PGEncodable)?) {
            binds.append(value.map { PGBind($0) } ?? PGBind.null)
            sql += "$\(binds.count)"
        }

        /// Splices trusted SQL text (identifiers from code, never user input).
        public mutating func appendInterpolation(unsafeRaw text: String) {
            sql += text
        }
    }
}

/// One bind parameter in PostgreSQL text format.
public struct PGBind: Sendable, Equatable {
    public var text: String?
    public var typeOID: UInt32

    public init(text: String?, typeOID: UInt32) {
        self.text = text
        self.typeOID = typeOID
    }

    public init(_ value: some PGEncodable) {
        self.text = value.pgText
        self.typeOID = type(of: value).pgTypeOID
    }

    public static let null = PGBind(text: nil, typeOID: 0)
}
