import Foundation

extension SyntheticPool {
    /// Writes `needs.jsonl` and `experts.jsonl` into `directory` (created if missing), keys sorted.
    public func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.writeLines(needs, to: directory + "/needs.jsonl")
        try Self.writeLines(experts, to: directory + "/experts.jsonl")
    }

    static func writeLines<Record: Encodable>(_ records: [Record], to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        try data.write(to: URL(fileURLWithPath: path))
    }
}
