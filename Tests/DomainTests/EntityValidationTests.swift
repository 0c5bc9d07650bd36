import Foundation
import Testing

@testable import Domain

@Suite("Intake entities")
struct EntityValidationTests {
    let today = LocalDate(year: 2026, month: 11, day: 29)!

    func expert() -> ExpertProfile {
        ExpertProfile(
            name: " 王晓明 ", unitName: "吉林大学", degree: .phd, titleLevel: .senior, birthYear: 1978,
            disciplineCodes: ["430", "43020"], tracks: [.newMaterials], keywords: ["碳纤维"], summary: "简介",
            mobile: "+86 139 4301 2345", email: "WXM@jlu.edu.cn", regionCode: "220100")
    }

    @Test func validExpertNormalises() throws {
        let profile = try expert().validated(today: today)
        #expect(profile.name == "王晓明")
        #expect(profile.mobile == "13943012345")
        #expect(profile.email == "wxm@jlu.edu.cn")
        #expect(expert().validate(today: today).isEmpty)
    }

    @Test func expertReportsAllErrorsAtOnce() {
        var bad = expert()
        bad.name = ""
        bad.degree = nil
        bad.birthYear = today.year - 17
        bad.disciplineCodes = ["4301"]
        bad.tracks = []
        bad.mobile = "0431-88881234"
        bad.email = "x"
        bad.regionCode = "990100"
        let fields = bad.validate(today: today).map(\.field)
        #expect(
            fields == ["name", "degree", "birth_year", "discipline_codes", "tracks", "mobile", "email", "region_code"])
    }

    @Test("birth year bounds", arguments: [(1946, true), (1945, false), (2008, true), (2009, false)])
    func birthYearBounds(year: Int, valid: Bool) {
        var profile = expert()
        profile.birthYear = year
        #expect(profile.validate(today: today).isEmpty == valid)
    }

    @Test func qualificationBarAndAge() {
        var profile = expert()
        #expect(profile.meetsQualificationBar)
        profile.degree = .master
        profile.titleLevel = .associateSenior
        #expect(profile.meetsQualificationBar)
        profile.titleLevel = .intermediate
        #expect(!profile.meetsQualificationBar)
        #expect(profile.age(on: today) == 48)
    }

    @Test func expertJSONUsesSnakeCase() throws {
        let json = String(decoding: try JSONEncoder().encode(expert()), as: UTF8.self)
        #expect(json.contains("\"birth_year\":1978"))
        #expect(json.contains("\"title_level\":\"senior\""))
        #expect(json.contains("\"tracks\":[\"new_materials\"]"))
        #expect(try JSONDecoder().decode(ExpertProfile.self, from: Data(json.utf8)) == expert())
    }

    @Test func emptyJSONDecodesAndReportsEveryRequiredField() throws {
        let expert = try JSONDecoder().decode(ExpertProfile.self, from: Data("{}".utf8))
        #expect(
            expert.validate(today: today).map(\.field) == [
                "name", "unit_name", "degree", "title_level", "birth_year", "discipline_codes", "tracks", "mobile",
                "email",
            ])
        let need = try JSONDecoder().decode(NeedDraft.self, from: Data(#"{"deadline":"2027-01-31"}"#.utf8))
        #expect(need.deadline == LocalDate(year: 2027, month: 1, day: 31))
        #expect(need.validate(today: today).map(\.field) == ["title", "description", "tracks"])
        let enterprise = try JSONDecoder().decode(EnterpriseProfile.self, from: Data("{}".utf8))
        #expect(
            enterprise.validate(today: today).map(\.field) == [
                "name", "identifier", "region_code", "tracks", "contact_name", "contact_phone",
            ])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ExpertProfile.self, from: Data(#"{"degree":"doctorate"}"#.utf8))
        }
    }

    @Test func needDraftRules() {
        var need = NeedDraft(
            title: "高功率激光器散热", description: "描述", tracks: [.optoelectronics],
            disciplineCodes: ["510", "51020", "5102010"],
            budget: Decimal(string: "0"), deadline: today.adding(days: 1))
        #expect(need.validate(today: today).isEmpty)
        need.budget = Decimal(string: "-0.01")
        need.deadline = today
        need.disciplineCodes = ["51"]
        need.expertsNeeded = 0
        need.title = String(repeating: "长", count: NeedDraft.maxTitleLength + 1)
        #expect(
            need.validate(today: today).map(\.code) == [
                "too_long", "invalid_code", "negative", "not_in_future", "out_of_range",
            ])
    }

    @Test func enterpriseWithUSCCAndRegion() throws {
        let code = try USCC.make(divisionCode: "220104", serial: 123)
        #expect(ReferenceUSCC.isValid(code.value))
        let enterprise = EnterpriseProfile(
            name: "长春某某科技有限公司", identifier: code.value.lowercased(), regionCode: "220100", tracks: [.bigdata],
            qualifications: [.highTech, .specialized], foundedYear: 2012,
            contact: ContactPerson(name: "刘经理", phone: "0431-88881234"))
        let valid = try enterprise.validated(today: today)
        #expect(valid.identifier == code.value)
        #expect(valid.registeredProvinceCode == "22")
        var bad = enterprise
        bad.identifier = String(code.value.dropLast()) + (code.checkCharacter == "0" ? "1" : "0")
        bad.regionCode = "2201"
        bad.foundedYear = 2030
        bad.contact = ContactPerson(name: "", phone: "123")
        let fields = bad.validate(today: today).map(\.field)
        #expect(fields.contains("identifier"))
        #expect(fields.contains("region_code") && fields.contains("founded_year"))
        #expect(fields.contains("contact_name") && fields.contains("contact_phone"))
    }

    @Test func hongKongUnitWithoutUSCC() throws {
        let unit = UnitProfile(
            name: "香港某大学", kind: .university, identifierKind: .hkBusinessRegistration, identifier: "1234 5678",
            regionCode: "81", contact: ContactPerson(name: "陈先生", phone: "+852 2123 4567", email: "chan@hku.hk"))
        let valid = try unit.validated()
        #expect(valid.identifier == "12345678")
        #expect(valid.contact.phone == "+85221234567")
        var wrongKind = unit
        wrongKind.kind = .enterprise
        wrongKind.contact.email = ""
        #expect(wrongKind.validate().map(\.field) == ["kind", "contact_email"])
    }

    @Test func regionAndDisciplineCodes() {
        #expect(RegionCode.isValid("220100") && RegionCode.isValid("222400") && RegionCode.isValid("44"))
        #expect(RegionCode.isValid("82") && !RegionCode.isValid("99") && !RegionCode.isValid("2201"))
        #expect(DisciplineCode.isValid("430") && DisciplineCode.isValid("43020") && DisciplineCode.isValid("4302010"))
        #expect(!DisciplineCode.isValid("4302") && !DisciplineCode.isValid("43A"))
        #expect(DisciplineCode.ancestors(of: "4302010") == ["43020", "430"])
    }
}

@Suite("Vocabulary")
struct VocabularyTests {
    @Test func parsesCodesLabelsAndSynonyms() {
        #expect(TitleLevel.parse("副教授") == .associateSenior)
        #expect(TitleLevel.parse("正高") == .senior)
        #expect(TitleLevel.parse("associate_senior") == .associateSenior)
        #expect(Degree.parse(" 博士 ") == .phd)
        #expect(IndustryTrack.parse("光电信息") == .optoelectronics)
        #expect(ContractType.parse("技术许可") == .licence)
        #expect(EnterpriseQualification.parse("科技型中小企业") == .techSME)
        #expect(AssessmentGrade.parse("不合格") == .fail)
        #expect(Degree.parse("小学") == nil)
    }

    @Test func codesAreUniqueSnakeCaseAndLabelsUnique() {
        func check<V: Vocabulary>(_ type: V.Type) {
            let codes = V.allCases.map(\.rawValue)
            #expect(Set(codes).count == codes.count)
            #expect(codes.allSatisfy { $0.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) } })
            #expect(Set(V.allCases.map(\.label)).count == codes.count)
        }
        check(OrganizationKind.self)
        check(Role.self)
        check(Degree.self)
        check(TitleLevel.self)
        check(EnterpriseQualification.self)
        check(AssessmentGrade.self)
        check(OutcomeKind.self)
        check(ContractType.self)
        check(ConflictKind.self)
        check(ExpectedOutcome.self)
        check(IPArrangement.self)
        check(IndustryTrack.self)
    }

    @Test func orderings() {
        #expect(AssessmentGrade.allCases.sorted() == [.fail, .pass, .good, .excellent])
        #expect(TitleLevel.allCases.sorted() == [.none, .junior, .intermediate, .associateSenior, .senior])
        #expect(Degree.phd > .master)
        #expect(IndustryTrack.allCases.count == 7)
        #expect(ContractType.allCases.count == 5)
        #expect(OutcomeKind.allCases.count == 8)
        #expect(ConflictKind.allCases.filter(\.isHardExclusion) == [.founder, .equity])
    }
}
