import Testing

@testable import Domain

@Suite("Phone numbers and e-mail")
struct ContactTests {
    @Test(
        "valid numbers normalise",
        arguments: [
            ("13943012345", "13943012345", PhoneNumber.Kind.mobile),
            ("+86 139 4301 2345", "13943012345", .mobile),
            ("0086-13943012345", "13943012345", .mobile),
            ("8613943012345", "13943012345", .mobile),
            ("１９９１２３４５６７８", "19912345678", .mobile),
            ("0431-88881234", "0431-88881234", .landline),
            ("(0431)8888123", "0431-8888123", .landline),
            ("010-62345678", "010-62345678", .landline),
            ("02162345678", "021-62345678", .landline),
            ("+86 431 88881234", "0431-88881234", .landline),
            ("0431-88881234-123", "0431-88881234-123", .landline),
            ("0431-88881234转8001", "0431-88881234-8001", .landline),
            ("0431 88881234 ext. 12", "0431-88881234-12", .landline),
            ("+852 9123 4567", "+85291234567", .hongKong),
            ("00852-21234567", "+85221234567", .hongKong),
            ("+853 6612 3456", "+85366123456", .macao),
        ])
    func valid(input: String, expected: String, kind: PhoneNumber.Kind) throws {
        let number = try PhoneNumber(validating: input)
        #expect(number.value == expected)
        #expect(number.kind == kind)
    }

    @Test(
        "invalid numbers",
        arguments: [
            "", "1234", "12012345678", "139430123456", "1394301234", "88881234", "0431-0888123",
            "0431-888812345", "+852 912345", "+853 012345678", "13943012345转12", "0431-88881234转1234567", "电话",
        ])
    func invalid(input: String) {
        let error = #expect(throws: ValidationError.self) { try PhoneNumber(validating: input, field: "mobile") }
        #expect(error?.errors.first?.field == "mobile")
    }

    @Test func mobileDetection() throws {
        #expect(try PhoneNumber(validating: "13943012345").isMobile)
        #expect(try !PhoneNumber(validating: "0431-88881234").isMobile)
        #expect(try PhoneNumber(validating: "+85291234567").isMobile)
        #expect(try !PhoneNumber(validating: "+85221234567").isMobile)
        #expect(try PhoneNumber(validating: "+85366123456").isMobile)
    }

    @Test(
        "valid e-mail",
        arguments: [
            ("Wang.XM@JLU.edu.cn", "wang.xm@jlu.edu.cn"), ("  a+b@sub.example.org ", "a+b@sub.example.org"),
            ("ｗｘｍ＠ｊｌｕ．ｅｄｕ．ｃｎ", "wxm@jlu.edu.cn"),
        ])
    func validEmail(input: String, expected: String) throws {
        #expect(try EmailAddress(validating: input).value == expected)
    }

    @Test(
        "invalid e-mail",
        arguments: [
            "", "plain", "a@b", "a@@b.cn", "a@b@c.cn", "a b@c.cn", ".a@b.cn", "a..b@c.cn", "a@-b.cn", "a@b..cn",
            "a@b.c", "a@b.123",
        ])
    func invalidEmail(input: String) {
        #expect(throws: ValidationError.self) { try EmailAddress(validating: input) }
    }

    @Test func emailLengthLimit() {
        let local = String(repeating: "a", count: 64)
        let domain = (0..<4).map { _ in String(repeating: "b", count: 60) }.joined(separator: ".") + ".cn"
        let address = local + "@" + domain
        #expect(address.count > EmailAddress.maxLength)
        let error = #expect(throws: ValidationError.self) { try EmailAddress(validating: address) }
        #expect(error?.errors.first?.code == "too_long")
    }
}
