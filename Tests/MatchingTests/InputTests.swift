import Foundation
import Testing

@testable import Matching

@Suite("JSONL input")
struct InputTests {
    let reader = JSONLinesReader(parallelism: 2)

    func decodeNeeds(_ text: String) throws -> [NeedRecord] {
        try reader.decode(NeedRecord.self, data: Data(text.utf8), file: "needs.jsonl").records
    }

    @Test("Blank lines are skipped, unknown fields ignored, optional fields read")
    func readsValidLines() throws {
        let text = """
            {"id":"N1","title":"碳纤维","keywords":["a","b"],"accepts_out_of_province":false,"extra":{"x":1}}

               
            {"id":"N2","title":"Laser","region":"220100","preferred_expert_ids":["X1"]}
            """
        let needs = try decodeNeeds(text)
        #expect(needs.map(\.id) == ["N1", "N2"])
        #expect(needs[0].keywords == ["a", "b"])
        #expect(needs[0].acceptsOutOfProvince == false)
        #expect(needs[1].preferredExpertIDs == ["X1"])
        #expect(needs[1].description == nil)
    }

    @Test("Malformed JSON names the file and the 1-based line")
    func malformedLine() {
        let text = "{\"id\":\"N1\",\"title\":\"a\"}\n\n{\"id\":\"N2\",\"title\":\n"
        #expect(throws: MatchInputError(file: "needs.jsonl", line: 3, message: "malformed JSON")) {
            try decodeNeeds(text)
        }
    }

    @Test("A missing required field names the field, the file and the line")
    func missingField() throws {
        let text = "{\"id\":\"N1\",\"title\":\"a\"}\n{\"id\":\"N2\"}\n"
        let error = try #require(throws: MatchInputError.self) { try decodeNeeds(text) }
        #expect(error.line == 2)
        #expect(error.message.contains("title"))
        #expect(error.description.hasPrefix("needs.jsonl:2:"))
    }

    @Test("A wrong type or a bad date is an error on its line")
    func wrongTypes() throws {
        let text = "{\"id\":\"X1\"}\n{\"id\":7}\n"
        let error = try #require(throws: MatchInputError.self) {
            try reader.decode(ExpertRecord.self, data: Data(text.utf8), file: "experts.jsonl")
        }
        #expect(error.line == 2 && error.message.contains("id"))
        let date = "{\"id\":\"X1\",\"available_from\":\"2026/01/01\"}\n"
        let dateError = try #require(throws: MatchInputError.self) {
            try reader.decode(ExpertRecord.self, data: Data(date.utf8), file: "experts.jsonl")
        }
        #expect(dateError.line == 1 && dateError.message.contains("available_from"))
    }

    @Test("Files are read from disk; duplicate ids are reported with both lines")
    func filesAndDuplicates() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kczy-input-\(UInt64.random(in: 0...UInt64.max)).jsonl"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{\"id\":\"X1\"}\n\n{\"id\":\"X1\"}\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MatchInputError.self) { try MatchInputFiles.loadExperts(path: path) }
        #expect(error.file == path && error.line == 3 && error.message.contains("line 1"))
    }

    @Test("Many lines decode in input order across threads")
    func orderAcrossChunks() throws {
        let text = (1...5000).map { "{\"id\":\"N\($0)\",\"title\":\"t\"}" }.joined(separator: "\n")
        let needs = try decodeNeeds(text)
        #expect(needs.map(\.id) == (1...5000).map { "N\($0)" })
        let broken = text + "\n{oops}\n" + text
        let error = try #require(throws: MatchInputError.self) { try decodeNeeds(broken) }
        #expect(error.line == 5001)
    }
}
