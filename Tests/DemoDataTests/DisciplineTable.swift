import Foundation

/// The discipline codes seeded by `sql/0004_taxonomy_disciplines.sql`, read from the migration itself so the
/// tests fail if the generator uses a code the database would reject.
enum DisciplineTable {
    static let codes: Set<String> = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let path = url.path + "/sql/0004_taxonomy_disciplines.sql"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        // Rows look like: ('43055', '复合材料', 2, '430')
        let pattern = try! NSRegularExpression(pattern: #"\(\s*'([0-9]{3,7})',\s*'"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(
            pattern.matches(in: text, range: range).compactMap {
                Range($0.range(at: 1), in: text).map { String(text[$0]) }
            })
    }()
}
