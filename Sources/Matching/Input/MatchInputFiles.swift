/// Loads and checks the needs and experts JSONL files the CLI takes.
public enum MatchInputFiles {
    /// Needs from a JSONL file: `id` and `title` required, ids unique and non-empty.
    public static func loadNeeds(path: String, parallelism: Int = 2) throws -> [NeedRecord] {
        let file = try JSONLinesReader(parallelism: parallelism).read(NeedRecord.self, path: path)
        try MatchInputValidation.checkIDs(file.records.map(\.id), file: path, lineNumbers: file.lineNumbers)
        return file.records
    }

    /// Experts from a JSONL file: `id` required, ids unique and non-empty.
    public static func loadExperts(path: String, parallelism: Int = 2) throws -> [ExpertRecord] {
        let file = try JSONLinesReader(parallelism: parallelism).read(ExpertRecord.self, path: path)
        try MatchInputValidation.checkIDs(file.records.map(\.id), file: path, lineNumbers: file.lineNumbers)
        return file.records
    }
}
