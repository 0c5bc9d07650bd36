import CLibPQ

/// The rows of one statement's result; owns the `PGresult` and frees it.
///
/// A result no longer refers to its connection, so it can be read on any thread.
public final class PGResult: @unchecked Sendable {
    let handle: OpaquePointer
    public let rowCount: Int
    public let columnCount: Int
    /// Column names in order.
    public let columns: [String]
    let typeOIDs: [UInt32]

    init(handle: OpaquePointer) {
        self.handle = handle
        self.rowCount = Int(PQntuples(handle))
        self.columnCount = Int(PQnfields(handle))
        self.columns = (0..<Int32(columnCount)).map { PQfname(handle, $0).map { String(cString: $0) } ?? "?column?" }
        self.typeOIDs = (0..<Int32(columnCount)).map { UInt32(PQftype(handle, $0)) }
    }

    deinit { PQclear(handle) }

    /// Rows affected by INSERT/UPDATE/DELETE/COPY, or 0.
    public var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    /// The raw text of one cell, nil for NULL.
    public func text(row: Int, column: Int) -> String? {
        precondition(row < rowCount && column < columnCount, "cell out of range")
        if PQgetisnull(handle, Int32(row), Int32(column)) == 1 { return nil }
        return String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
    }

    public func columnIndex(_ name: String) throws -> Int {
        guard let i = columns.firstIndex(of: name) else {
            throw PGError(.decoding, message: "no column named \(name)")
        }
        return i
    }

    /// Decodes one cell, refusing a column whose type the Swift type does not accept.
    public func decode<T: PGDecodable>(_ type: T.Type = T.self, row: Int, column: Int) throws -> T {
        guard column < columnCount else {
            throw PGError(.decoding, message: "column index \(column) out of range (\(columnCount) columns)")
        }
        guard T.pgAcceptedOIDs.contains(typeOIDs[column]) else {
            throw PGError(
                .decoding,
                message: "column \(columns[column]) has type oid \(typeOIDs[column]), which \(T.self) cannot decode")
        }
        return try T.pgDecode(nullable: text(row: row, column: column), column: columns[column])
    }

    public subscript(row: Int) -> PGRow { PGRow(result: self, index: row) }
}

extension PGResult: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { rowCount }
}

/// One row of a result.
public struct PGRow: Sendable {
    public let result: PGResult
    public let index: Int

    public func decode<T: PGDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
        try result.decode(T.self, row: index, column: column)
    }

    public func decode<T: PGDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try result.decode(T.self, row: index, column: result.columnIndex(column))
    }
}

extension PGResult {
    /// The single value of a one-row, one-column result.
    public func scalar<T: PGDecodable>(_ type: T.Type = T.self) throws -> T {
        guard rowCount == 1, columnCount >= 1 else {
            throw PGError(.decoding, message: "expected one row, got \(rowCount)")
        }
        return try decode(T.self, row: 0, column: 0)
    }
}
