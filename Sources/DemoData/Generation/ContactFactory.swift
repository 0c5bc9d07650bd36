/// Makes unique synthetic mobile numbers and e-mail addresses.
struct ContactFactory {
    private static let mobilePrefixes = [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
        "158", "159", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "199",
    ]

    private var usedPhones: Set<String> = []
    private var usedEmails: Set<String> = []

    /// A mainland mobile number not handed out before.
    mutating func mainlandMobile(using rng: inout SplitMix64) -> String {
        unique(&usedPhones) { rng.pick(Self.mobilePrefixes) + Format.padded(rng.int(in: 0...99_999_999), 8) }
    }

    /// A Hong Kong (`+852 9…`) or Macao (`+853 6…`) mobile number not handed out before.
    mutating func mobile(regionCode: String, using rng: inout SplitMix64) -> String {
        switch regionCode {
        case "81": unique(&usedPhones) { "+8529" + Format.padded(rng.int(in: 0...9_999_999), 7) }
        case "82": unique(&usedPhones) { "+8536" + Format.padded(rng.int(in: 0...9_999_999), 7) }
        default: mainlandMobile(using: &rng)
        }
    }

    /// `pinyin@domain`, with a number appended when the plain form is taken.
    mutating func email(pinyin: String, domain: String) -> String {
        var suffix = 1
        while true {
            let local = suffix == 1 ? pinyin : "\(pinyin)\(suffix)"
            let address = "\(local)@\(domain)"
            if usedEmails.insert(address).inserted { return address }
            suffix += 1
        }
    }

    private func unique(_ used: inout Set<String>, _ make: () -> String) -> String {
        while true {
            let value = make()
            if used.insert(value).inserted { return value }
        }
    }
}
