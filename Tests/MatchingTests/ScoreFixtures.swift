@testable import Matching

/// Small hand-made records for the tests.
enum ScoreFixtures {
    static let asOf = CalendarDay(year: 2026, month: 6, day: 1)

    static func expert(
        _ id: String, summary: String? = nil, keywords: [String]? = nil, disciplines: [String]? = nil,
        tracks: [String]? = nil, region: String? = nil
    ) -> ExpertRecord {
        var record = ExpertRecord(id: id)
        record.summary = summary
        record.keywords = keywords
        record.disciplines = disciplines
        record.tracks = tracks
        record.region = region
        return record
    }

    static var compositesExpert: ExpertRecord {
        var record = expert(
            "E-carbon", summary: "长期从事碳纤维及其复合材料的制备、界面改性与力学性能研究。",
            keywords: ["碳纤维", "复合材料", "预浸料"], disciplines: ["43055"], tracks: ["new_materials"],
            region: "220100")
        record.publications = [
            PublicationRecord(
                title: "Carbon fibre reinforced composites", abstract: "Interface of carbon fiber composites.")
        ]
        return record
    }

    static var pharmacologist: ExpertRecord {
        expert(
            "E-pharma", summary: "从事药理学与药代动力学研究，关注中药有效成分的药效评价。",
            keywords: ["药理", "药代动力学", "毒理"], disciplines: ["35040"], tracks: ["new_medicine"], region: "220100")
    }

    static var softwareEngineer: ExpertRecord {
        expert(
            "E-soft", summary: "Distributed databases, cloud computing and data governance platforms.",
            keywords: ["database", "cloud computing"], disciplines: ["52040"], tracks: ["bigdata"], region: "220200")
    }

    static func settings(topK: Int = 10) -> CandidateRankingSettings {
        var settings = CandidateRankingSettings(rules: HardRuleSettings(asOf: asOf))
        settings.topK = topK
        return settings
    }
}
