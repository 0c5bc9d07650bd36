/// A validated 统一社会信用代码 (unified social credit code, GB 32100-2015), 18 characters.
public struct USCC: Sendable, Hashable {
    /// The normalised 18-character code.
    public let value: String

    /// Validates and normalises user input; errors name `field`.
    public init(validating input: String, field: String = "uscc") throws(ValidationError) {
        self.value = try USCC.validate(input, field: field)
    }

    /// 登记管理部门代码 (position 1), e.g. `9` for market regulation (工商).
    public var registrationAuthority: Character { character(at: 0) }
    /// 机构类别代码 (position 2), e.g. `1` for a company under market regulation.
    public var organizationType: Character { character(at: 1) }
    /// 登记管理机关行政区划码 (positions 3–8), a GB/T 2260 code.
    public var divisionCode: String { slice(2, 8) }
    /// The two-digit province code (positions 3–4), e.g. `22` for Jilin.
    public var provinceCode: String { slice(2, 4) }
    /// 主体标识码 (positions 9–17): the GB 11714 organization code including its check digit.
    public var organizationCode: String { slice(8, 17) }
    /// The check character (position 18).
    public var checkCharacter: Character { character(at: 17) }

    /// A readable name for the registration authority code, where the standard names one.
    public var registrationAuthorityName: String? {
        USCC.registrationAuthorities[registrationAuthority]
    }

    static let registrationAuthorities: [Character: String] = [
        "1": "机构编制", "2": "外交", "3": "司法行政", "4": "文化", "5": "民政", "6": "旅游",
        "7": "宗教", "8": "工会", "9": "市场监督管理", "A": "中央军委改革和编制办公室", "N": "农业", "Y": "其他",
    ]

    private func character(at offset: Int) -> Character {
        value[value.index(value.startIndex, offsetBy: offset)]
    }

    private func slice(_ from: Int, _ to: Int) -> String {
        let start = value.index(value.startIndex, offsetBy: from)
        return String(value[start..<value.index(value.startIndex, offsetBy: to)])
    }
}

extension USCC: CustomStringConvertible {
    public var description: String { value }
}

extension USCC: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try USCC(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
