import Dispatch
import Foundation

/// Decodes JSON Lines (one object per line, blank lines skipped) into records, naming file and line on error.
public struct JSONLinesReader: Sendable {
    public var parallelism: Int

    public init(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.parallelism = max(1, parallelism)
    }

    /// Reads and decodes a file; `name` is the file name used in error messages (defaults to the path).
    public func read<Record: Decodable & Sendable>(
        _ type: Record.Type, path: String, name: String? = nil
    ) throws -> NumberedRecords<Record> {
        let label = name ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MatchInputError(file: label, line: 0, message: "cannot read file")
        }
        return try decode(type, data: data, file: label)
    }

    /// Decodes JSONL bytes; errors carry `file` and the 1-based line number.
    public func decode<Record: Decodable & Sendable>(
        _ type: Record.Type, data: Data, file: String
    ) throws -> NumberedRecords<Record> {
        let lines = Self.lineRanges(in: data)
        let chunkCount = min(max(1, lines.count / 2048), parallelism * 4)
        let slots = ChunkSlots<Result<[Record], MatchInputError>>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = lines.count * chunk / chunkCount
            let upper = lines.count * (chunk + 1) / chunkCount
            slots.store(chunk, Self.decodeLines(type, data: data, lines: lines[lower..<upper], file: file))
        }
        var records: [Record] = []
        records.reserveCapacity(lines.count)
        for chunk in 0..<chunkCount {
            switch slots.value(chunk) {
            case .success(let part): records.append(contentsOf: part)
            case .failure(let error): throw error
            case nil: break
            }
        }
        return NumberedRecords(records: records, lineNumbers: lines.map(\.number))
    }

    /// A line's byte range and its 1-based number, for lines that are not blank.
    struct LineRange: Sendable {
        var number: Int
        var range: Range<Int>
    }

    static func lineRanges(in data: Data) -> [LineRange] {
        var result: [LineRange] = []
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var start = 0
            var number = 1
            // Skip a UTF-8 byte order mark so the first line still parses.
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            var index = start
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == 0x0A {
                    var lower = start
                    var upper = index
                    while lower < upper, isSpace(bytes[lower]) { lower += 1 }
                    while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
                    if lower < upper { result.append(LineRange(number: number, range: lower..<upper)) }
                    number += 1
                    start = index + 1
                }
                index += 1
            }
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private static func decodeLines<Record: Decodable>(
        _ type: Record.Type, data: Data, lines: ArraySlice<LineRange>, file: String
    ) -> Result<[Record], MatchInputError> {
        let decoder = JSONDecoder()
        var records: [Record] = []
        records.reserveCapacity(lines.count)
        for line in lines {
            do {
                records.append(try decoder.decode(type, from: data.subdata(in: line.range)))
            } catch let error as DecodingError {
                return .failure(MatchInputError(file: file, line: line.number, message: Self.describe(error)))
            } catch {
                return .failure(MatchInputError(file: file, line: line.number, message: "malformed JSON"))
            }
        }
        return .success(records)
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "missing required field \(parent.isEmpty ? "" : parent + ".")\(key.stringValue)"
        case .typeMismatch(let type, let context):
            return "field \(path(context.codingPath)) has the wrong type (expected \(type))"
        case .valueNotFound(let type, let context):
            return "field \(path(context.codingPath)) is null (expected \(type))"
        case .dataCorrupted(let context):
            let where_ = path(context.codingPath)
            return where_.isEmpty ? "malformed JSON" : "field \(where_): \(context.debugDescription)"
        @unknown default:
            return "malformed JSON"
        }
    }
}

/// Decoded records with the 1-based line each came from.
public struct NumberedRecords<Record: Sendable>: Sendable {
    public var records: [Record]
    public var lineNumbers: [Int]
}

/// Fixed slots written by concurrent workers, one slot per worker index.
final class ChunkSlots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func value(_ index: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
