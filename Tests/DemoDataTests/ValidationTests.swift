import DemoData
import Domain
import Testing

@Suite struct ValidationTests {
    let data = Fixture.data

    @Test func enterprisesValidate() {
        for enterprise in data.enterprises {
            #expect(enterprise.profile.validate(today: Fixture.today).isEmpty, "\(enterprise.id)")
        }
    }

    @Test func unitsValidate() {
        for unit in data.units {
            #expect(unit.profile.validate().isEmpty, "\(unit.id) \(unit.profile.validate())")
        }
    }

    @Test func expertsValidate() {
        for expert in data.experts {
            let errors = expert.profile.validate(today: Fixture.today)
            #expect(errors.isEmpty, "\(expert.id) \(errors)")
        }
    }

    @Test func needsValidate() {
        for need in data.needs {
            let errors = need.draft.validate(today: Fixture.today)
            #expect(errors.isEmpty, "\(need.id) \(errors)")
        }
    }

    @Test func disciplineCodesComeFromTheProjectTable() {
        let codes =
            data.experts.flatMap(\.profile.disciplineCodes) + data.needs.flatMap(\.draft.disciplineCodes)
            + TopicBank.all.flatMap(\.disciplines)
        let unknown = Set(codes).subtracting(DisciplineTable.codes).sorted()
        #expect(unknown.isEmpty, "not in sql/0004_taxonomy_disciplines.sql: \(unknown)")
    }

    @Test func summariesAreTwoToFourSentences() {
        for text in data.experts.map(\.profile.summary) + data.needs.map(\.draft.description) {
            #expect((2...4).contains(text.filter { $0 == "。" }.count), "\(text)")
        }
    }
}
