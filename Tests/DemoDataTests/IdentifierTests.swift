import DemoData
import Domain
import Testing

@Suite struct IdentifierTests {
    let data = Fixture.data

    @Test func enterpriseCodesAreValidUniqueAndInTheirCity() throws {
        var seen: Set<String> = []
        for enterprise in data.enterprises {
            #expect(enterprise.profile.identifierKind == .uscc)
            let code = try USCC(validating: enterprise.profile.identifier)
            #expect(seen.insert(code.value).inserted, "duplicate \(code)")
            #expect(code.divisionCode == enterprise.countyCode)
            #expect(code.divisionCode.prefix(4) == enterprise.cityCode.prefix(4), "\(enterprise.id)")
            #expect(code.divisionCode != enterprise.cityCode, "county-level, not the city code")
            #expect(enterprise.profile.registeredProvinceCode == "22")
            #expect(enterprise.profile.regionCode == enterprise.cityCode)
        }
    }

    @Test func unitCodesAreValidUniqueAndInTheirRegion() throws {
        var seen = Set(data.enterprises.map(\.profile.identifier))
        for unit in data.units where unit.profile.identifierKind == .uscc {
            let code = try USCC(validating: unit.profile.identifier)
            #expect(seen.insert(code.value).inserted)
            #expect(code.provinceCode == unit.profile.regionCode.prefix(2), "\(unit.profile.name)")
        }
    }

    @Test func outOfProvinceUnitsIncludeHongKongAndMacaoWithoutUSCC() throws {
        let outside = data.units.filter(\.outOfProvince)
        let hongKong = try #require(outside.first { $0.profile.regionCode == "81" })
        let macao = try #require(outside.first { $0.profile.regionCode == "82" })
        #expect(hongKong.profile.identifierKind == .hkBusinessRegistration)
        #expect(macao.profile.identifierKind == .macaoRegistration)
        #expect(outside.contains { $0.profile.regionCode == "44" })
        #expect(outside.filter(\.greaterBayArea).count >= 4)
        #expect(data.units.filter { !$0.outOfProvince }.allSatisfy { $0.profile.regionCode.hasPrefix("22") })
    }

    @Test func idsAreUniqueAndWellFormed() {
        func check(_ ids: [String], prefix: String) {
            #expect(Set(ids).count == ids.count, "\(prefix) ids repeat")
            #expect(ids.allSatisfy { $0.hasPrefix(prefix + "-") }, "\(prefix)")
        }
        check(data.units.map(\.id), prefix: "unit")
        check(data.enterprises.map(\.id), prefix: "ent")
        check(data.experts.map(\.id), prefix: "exp")
        check(data.needs.map(\.id), prefix: "need")
        check(data.conflicts.map(\.id), prefix: "conf")
        check(data.cooperations.map(\.id), prefix: "coop")
        #expect(data.enterprises.first?.id == "ent-0001")
    }

    @Test func namesAndContactsAreUnique() {
        #expect(Set(data.enterprises.map(\.profile.name)).count == data.enterprises.count)
        #expect(Set(data.experts.map(\.profile.email)).count == data.experts.count)
        #expect(Set(data.experts.map(\.profile.mobile)).count == data.experts.count)
        #expect(data.experts.allSatisfy { $0.profile.email.contains(".example.") })
    }
}
