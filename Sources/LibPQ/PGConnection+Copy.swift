import CLibPQ

/// Buffers rows in COPY text format and hands full chunks to libpq.
public final class PGCopyWriter {
    private let connection: PGConnection
    private var buffer: [UInt8] = []
    private let chunkSize = 1 << 18
    public private(set) var rowsWritten = 0

    init(connection: PGConnection) {
        self.connection = connection
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Appends one row; nil is NULL. Tabs, newlines and backslashes are escaped.
    public func appendRow(_ fields: [String?]) throws {
        for (n, field) in fields.enumerated() {
            if n > 0 { buffer.append(9) }
            guard let field else {
                buffer.append(contentsOf: [92, 78])  // \N
                continue
            }
            for byte in field.utf8 {
                switch byte {
                case 92: buffer.append(contentsOf: [92, 92])
                case 9: buffer.append(contentsOf: [92, 116])
                case 10: buffer.append(contentsOf: [92, 110])
                case 13: buffer.append(contentsOf: [92, 114])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(10)
        rowsWritten += 1
        if buffer.count >= chunkSize { try flush() }
    }

    /// Appends bytes that are already in COPY text format.
    public func appendRaw(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        let ok = buffer.withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { PQputCopyData(connection.handle, $0.baseAddress, Int32($0.count)) }
        }
        guard ok == 1 else { throw PGError(.connection, message: connection.lastErrorMessage) }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension PGConnection {
    /// Runs `COPY … FROM STDIN` (text format) and feeds it through `write`; returns the rows the server stored.
    ///
    /// If `write` throws, the COPY is aborted, the server discards every row, and the error is rethrown.
    @discardableResult
    public func copyIn(_ sql: String, _ write: (PGCopyWriter) throws -> Void) throws -> Int {
        try check(PQexec(handle, sql), allowCopyIn: true)
        let writer = PGCopyWriter(connection: self)
        do {
            try write(writer)
            try writer.flush()
        } catch {
            _ = PQputCopyEnd(handle, "aborted by client")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw PGError(.connection, message: lastErrorMessage) }
        defer { drainResults() }
        return try checkedResult(PQgetResult(handle)).affectedRows
    }

    private func drainResults() {
        while let r = PQgetResult(handle) { PQclear(r) }
    }
}
