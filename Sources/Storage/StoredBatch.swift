import Domain
import Foundation
import LibPQ

/// A match batch as stored: settings, lifecycle state and the state of its background run.
public struct StoredBatch: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var status: BatchStatus
    public var settings: BatchSettings
    public var parentBatchID: Int?
    public var runAttempts: Int
    public var runPhase: String?
    public var runProgress: JSONValue
    public var runError: String?
    public var diagnosis: JSONValue
    public var totalScore: Int?
    public var publishFrom: LocalDate?
    public var publishUntil: LocalDate?
    public var statusReason: String?
    public var createdAt: Date
    public var updatedAt: Date

    static let columns = """
        id, name, status, settings, parent_batch_id, run_attempts, run_phase, run_progress, run_error, diagnosis,
        total_score, publish_from, publish_until, status_reason, created_at, updated_at
        """

    init(row: PGRow) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        let s = try row.decode("status", as: String.self)
        guard let st = BatchStatus(rawValue: s) else { throw PGError(.decoding, message: "unknown batch status \(s)") }
        status = st
        settings = try row.decode("settings", as: PGJSON<BatchSettings>.self).value
        parentBatchID = try row.decode("parent_batch_id")
        runAttempts = try row.decode("run_attempts")
        runPhase = try row.decode("run_phase")
        runProgress = try row.decode("run_progress", as: PGJSON<JSONValue>.self).value
        runError = try row.decode("run_error")
        diagnosis = try row.decode("diagnosis", as: PGJSON<JSONValue>.self).value
        totalScore = try row.decode("total_score")
        publishFrom = try row.decode("publish_from", as: PGDate?.self).flatMap { LocalDate($0.description) }
        publishUntil = try row.decode("publish_until", as: PGDate?.self).flatMap { LocalDate($0.description) }
        statusReason = try row.decode("status_reason")
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
    }
}

/// What a finished run writes: the chosen pairs, each need's alternates, the feasibility diagnosis, the total.
public struct BatchResult: Sendable {
    public struct Pair: Sendable {
        public var needID: Int
        public var expertID: Int
        public var enterpriseID: Int
        public var score: Double
        public var explanationJSON: String
        public var locked: Bool

        public init(needID: Int, expertID: Int, enterpriseID: Int, score: Double, explanationJSON: String, locked: Bool)
        {
            self.needID = needID
            self.expertID = expertID
            self.enterpriseID = enterpriseID
            self.score = score
            self.explanationJSON = explanationJSON
            self.locked = locked
        }
    }

    public struct Alternate: Sendable {
        public var needID: Int
        public var expertID: Int
        public var rank: Int
        public var score: Double
        public var explanationJSON: String
        public var reason: String

        public init(needID: Int, expertID: Int, rank: Int, score: Double, explanationJSON: String, reason: String) {
            self.needID = needID
            self.expertID = expertID
            self.rank = rank
            self.score = score
            self.explanationJSON = explanationJSON
            self.reason = reason
        }
    }

    public var pairs: [Pair]
    public var alternates: [Alternate]
    public var diagnosisJSON: String
    public var totalScore: Int

    public init(pairs: [Pair], alternates: [Alternate], diagnosisJSON: String, totalScore: Int) {
        self.pairs = pairs
        self.alternates = alternates
        self.diagnosisJSON = diagnosisJSON
        self.totalScore = totalScore
    }
}
