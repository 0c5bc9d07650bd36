import Foundation
import Testing

@testable import Domain

/// An independent GB 32100 / GB 11714 check written from the standard, not sharing code with `USCC`.
enum ReferenceUSCC {
    static let charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"

    static func value(_ c: Character) -> Int? {
        charset.firstIndex(of: c).map { charset.distance(from: charset.startIndex, to: $0) }
    }

    static func isValid(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 18, chars.allSatisfy({ value($0) != nil }) else { return false }
        var sum = 0
        var weight = 1
        for char in chars[0..<17] {
            sum += value(char)! * weight
            weight = weight * 3 % 31
        }
        let expected = Array(charset)[(31 - sum % 31) % 31]
        guard expected == chars[17] else { return false }
        let orgWeights = [3, 7, 9, 10, 5, 8, 4, 2]
        let orgSum = zip(chars[8..<16], orgWeights).reduce(0) { acc, pair in
            let ascii = Int(pair.0.asciiValue!)
            let v = ascii >= 65 ? ascii - 55 : ascii - 48
            return acc + v * pair.1
        }
        let c9 = 11 - orgSum % 11
        let orgCheck: Character = c9 == 10 ? "X" : c9 == 11 ? "0" : Character(String(c9))
        return orgCheck == chars[16]
    }
}

@Suite("USCC")
struct USCCTests {
    // Published codes: the GB 32100-2015 example, Tencent, Huawei, Alibaba (China), Xiaomi.
    static let published = [
        "91350100M000100Y43", "9144030071526726XG", "914403001922038216", "91330100716105852F", "91110108551385082Q",
    ]

    @Test("published codes pass both the reference check and the validator", arguments: published)
    func publishedCodes(code: String) throws {
        #expect(ReferenceUSCC.isValid(code))
        let uscc = try USCC(validating: code)
        #expect(uscc.value == code)
    }

    @Test func weightsArePowersOfThreeModulo31() {
        var power = 1
        for weight in USCC.weights {
            #expect(weight == power)
            power = power * 3 % 31
        }
    }

    @Test func partsAreSliced() throws {
        let uscc = try USCC(validating: "9144030071526726XG")
        #expect(uscc.registrationAuthority == "9")
        #expect(uscc.organizationType == "1")
        #expect(uscc.divisionCode == "440300")
        #expect(uscc.provinceCode == "44")
        #expect(uscc.organizationCode == "71526726X")
        #expect(uscc.checkCharacter == "G")
        #expect(uscc.registrationAuthorityName == "市场监督管理")
    }

    @Test func normalisesWhitespaceCaseAndFullWidth() throws {
        let uscc = try USCC(validating: "  ９１３５０１００ｍ０００１００ｙ４３ ")
        #expect(uscc.value == "91350100M000100Y43")
        #expect(try USCC(validating: "9144 0300 7152 6726 xg").value == "9144030071526726XG")
    }

    @Test func rejectsEmpty() {
        let error = #expect(throws: ValidationError.self) { try USCC(validating: "  ") }
        #expect(error?.errors.first?.code == "required")
        #expect(error?.errors.first?.field == "uscc")
    }

    @Test("wrong length", arguments: ["91350100M000100Y4", "91350100M000100Y433"])
    func rejectsLength(code: String) {
        let error = #expect(throws: ValidationError.self) { try USCC(validating: code) }
        #expect(error?.errors.map(\.code) == ["length"])
    }

    @Test("illegal characters", arguments: ["I", "O", "Z", "S", "V", "-"])
    func rejectsIllegalCharacter(char: String) {
        let code = "9135010" + char + "M000100Y43"
        let error = #expect(throws: ValidationError.self) { try USCC(validating: code, field: "enterprise_uscc") }
        #expect(error?.errors.first?.code == "illegal_character")
        #expect(error?.errors.first?.field == "enterprise_uscc")
        #expect(error?.errors.first?.message.contains("第8位") == true)
    }

    @Test func rejectsEveryWrongCheckCharacter() {
        let base = "91350100M000100Y4"
        for char in USCC.alphabet where char != "3" {
            let code = base + String(char)
            #expect(!ReferenceUSCC.isValid(code))
            let error = #expect(throws: ValidationError.self) { try USCC(validating: code) }
            #expect(error?.errors.map(\.code) == ["check_character"])
        }
    }

    @Test func rejectsWrongOrganizationCodeCheckDigitEvenWithMatchingFinalCheck() throws {
        // Change the org-code check digit, then recompute a consistent 18th character.
        let first17 = "91350100M00010054"
        let check = try #require(USCC.checkCharacter(for: first17))
        let code = first17 + String(check)
        let error = #expect(throws: ValidationError.self) { try USCC(validating: code) }
        #expect(error?.errors.map(\.code) == ["organization_code_check"])
    }

    @Test func rejectsNonNumericDivisionCode() throws {
        let first17 = "9135A100M000100Y4"
        let check = try #require(USCC.checkCharacter(for: first17))
        let error = #expect(throws: ValidationError.self) { try USCC(validating: first17 + String(check)) }
        #expect(error?.errors.contains { $0.code == "division_code" } == true)
    }

    @Test func makeBuildsValidCodesFromParts() throws {
        var seen = Set<String>()
        for serial in 0..<300 {
            let code = try USCC.make(divisionCode: "220101", serial: serial * 7919 + 1)
            #expect(ReferenceUSCC.isValid(code.value), "\(code.value)")
            #expect(code.divisionCode == "220101")
            seen.insert(code.value)
        }
        #expect(seen.count == 300)
    }

    @Test func makeWithLetteredBodyAndOtherAuthority() throws {
        let code = try USCC.make(
            registrationAuthority: "1", organizationType: "2", divisionCode: "220000", organizationCodeBody: "MB1234AB")
        #expect(ReferenceUSCC.isValid(code.value))
        #expect(code.value.hasPrefix("12220000MB1234AB"))
    }

    @Test func makeRefusesBadBody() {
        #expect(throws: ValidationError.self) {
            try USCC.make(divisionCode: "220101", organizationCodeBody: "1234")
        }
        #expect(throws: ValidationError.self) { try USCC.make(divisionCode: "220101", serial: 100_000_000) }
    }

    @Test func organizationCodeCheckDigitHandlesXAndZero() {
        // Search bodies whose check digit is X (10) and 0 (11), then confirm by the formula.
        var foundX = false
        var foundZero = false
        for n in 0..<200 {
            let body = String(format: "%08d", n)
            let digit = OrganizationCode.checkDigit(forBody: body)
            let sum = zip(body, OrganizationCode.weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
            let r = 11 - sum % 11
            if r == 10 { foundX = true; #expect(digit == "X") }
            if r == 11 { foundZero = true; #expect(digit == "0") }
        }
        #expect(foundX && foundZero)
    }

    @Test func codableRoundTripValidates() throws {
        let data = try JSONEncoder().encode(["code": try USCC(validating: "914403001922038216")])
        let decoded = try JSONDecoder().decode([String: USCC].self, from: data)
        #expect(decoded["code"]?.value == "914403001922038216")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: USCC].self, from: Data(#"{"code":"914403001922038217"}"#.utf8))
        }
    }
}
