import Foundation
import Testing

@testable import Domain

@Suite("Organization identifiers")
struct OrganizationIdentifierTests {
    @Test func usccKindValidates() throws {
        let id = try OrganizationIdentifier(kind: .uscc, value: "91350100m000100y43")
        #expect(id.value == "91350100M000100Y43")
        #expect(id.kind == .uscc)
        #expect(throws: ValidationError.self) { try OrganizationIdentifier(kind: .uscc, value: "91350100M000100Y44") }
    }

    @Test(
        "HK BR numbers",
        arguments: [
            ("12345678", "12345678"), (" 1234 5678 ", "12345678"), ("12345678-000-01-23-4", "12345678"),
            ("１２３４５６７８", "12345678"),
        ])
    func hongKongAccepted(input: String, expected: String) throws {
        let id = try OrganizationIdentifier(kind: .hkBusinessRegistration, value: input)
        #expect(id == .hkBusinessRegistration(expected))
    }

    @Test("bad HK BR numbers", arguments: ["1234567", "123456789", "1234567A", ""])
    func hongKongRejected(input: String) {
        let error = #expect(throws: ValidationError.self) {
            try OrganizationIdentifier(kind: .hkBusinessRegistration, value: input)
        }
        #expect(error?.errors.first?.field == "identifier")
    }

    @Test func macaoAndOtherArePermissiveButBounded() throws {
        #expect(try OrganizationIdentifier(kind: .macaoRegistration, value: " so 12345 ").value == "SO 12345")
        #expect(throws: ValidationError.self) { try OrganizationIdentifier(kind: .macaoRegistration, value: " ") }
        let long = String(repeating: "A", count: OrganizationIdentifier.maxLength + 1)
        #expect(throws: ValidationError.self) { try OrganizationIdentifier(kind: .other, value: long) }
        #expect(throws: ValidationError.self) { try OrganizationIdentifier(kind: .other, value: "AB\u{7}C") }
    }

    @Test func foreignNeedsCountryCode() throws {
        let id = try OrganizationIdentifier(kind: .foreign, value: "HRB 12345", countryCode: "de")
        #expect(id == .foreign(countryCode: "DE", number: "HRB 12345"))
        let error = #expect(throws: ValidationError.self) {
            try OrganizationIdentifier(kind: .foreign, value: "", countryCode: "Germany")
        }
        #expect(Set(error?.errors.map(\.field) ?? []) == ["identifier", "country_code"])
    }

    @Test func codableUsesSnakeCaseKinds() throws {
        let id = try OrganizationIdentifier(kind: .hkBusinessRegistration, value: "12345678")
        let json = String(decoding: try JSONEncoder().encode(id), as: UTF8.self)
        #expect(json.contains(#""kind":"hk_business_registration""#))
        let back = try JSONDecoder().decode(OrganizationIdentifier.self, from: Data(json.utf8))
        #expect(back == id)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(OrganizationIdentifier.self, from: Data(#"{"kind":"uscc","value":"1"}"#.utf8))
        }
    }
}
