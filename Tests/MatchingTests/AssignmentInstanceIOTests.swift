import Matching
import Testing

@Suite("Assignment instance reader and writer")
struct AssignmentInstanceIOTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func files(edges: String) -> SolverInstanceIO.Files {
        SolverInstanceIO.Files(
            edges: bytes(edges), experts: bytes("# expert_id\tcapacity\n0\t1\n1\t2\n"),
            needs: bytes("# need_id\tdemand\n0\t1\n1\t1\n"), directory: "inst")
    }

    @Test("reads the bench format and solves it")
    func roundTrip() throws {
        let problem = try SolverInstanceIO.parse(
            files(edges: "# need_id\texpert_id\tscore\n0\t0\t10\n0\t1\t3\r\n1\t0\t9\n"))
        #expect(problem.needDemand == [1, 1])
        #expect(problem.expertCapacity == [1, 2])
        #expect(problem.edges.count == 3)
        let solution = try AssignmentSolver().solve(problem)
        #expect(String(decoding: SolverInstanceIO.format(solution.pairs), as: UTF8.self) == "0\t1\n1\t0\n")
    }

    @Test(
        "a malformed line is an error naming the file and line", arguments: ["0\tx\t5", "0\t1", "0\t1\t5\t7", "0 1 5"])
    func malformed(line: String) {
        let text = "# need_id\texpert_id\tscore\n0\t0\t10\n" + line + "\n"
        #expect(throws: AssignmentError.self) { try SolverInstanceIO.parse(files(edges: text)) }
        do {
            _ = try SolverInstanceIO.parse(files(edges: text))
        } catch {
            guard case .malformedLine(let file, let number, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(file == "inst/edges.tsv")
            #expect(number == 3)
            #expect(error.description.hasPrefix("inst/edges.tsv:3:"))
        }
    }

    @Test("an edge to an unknown expert is an error naming the line")
    func outOfRange() {
        #expect(throws: AssignmentError.malformedLine(file: "inst/edges.tsv", line: 2, reason: "需求或专家编号超出范围，或分数过大")) {
            try SolverInstanceIO.parse(files(edges: "0\t0\t1\n0\t7\t1\n"))
        }
    }
}
