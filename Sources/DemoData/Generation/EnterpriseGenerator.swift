import Domain

/// Builds synthetic enterprises spread over Jilin's cities with a realistic track mix per city.
enum EnterpriseGenerator {
    static let tracks: [IndustryTrack] = [
        .equipment, .agriculture, .newMaterials, .newMedicine, .optoelectronics, .newEnergy, .bigdata,
    ]
    /// Province-wide shares of the tracks above, in percent.
    static let baseWeights = [20, 18, 15, 15, 12, 10, 10]

    /// Local industry: 长春 autos and optics, 吉林 chemicals, 通化 and 白山 medicine, the west wind power.
    static func weights(cityCode: String) -> [Int] {
        let boost: [IndustryTrack: Int] =
            switch cityCode {
            case "220100": [.equipment: 2, .optoelectronics: 2, .bigdata: 2]
            case "220200": [.newMaterials: 3]
            case "220300": [.equipment: 2, .agriculture: 2]
            case "220400": [.equipment: 2, .newMaterials: 2]
            case "220500": [.newMedicine: 4]
            case "220600": [.newMedicine: 3, .agriculture: 2]
            case "220700", "220800": [.newEnergy: 4, .agriculture: 2]
            case "222400": [.agriculture: 2, .newMedicine: 2]
            default: [:]
            }
        return zip(tracks, baseWeights).map { track, weight in weight * (boost[track] ?? 1) }
    }

    static func make(count: Int, today: LocalDate, using rng: inout SplitMix64, contacts: inout ContactFactory)
        -> [DemoEnterprise]
    {
        var names: Set<String> = []
        return (1...count).map { number in
            let city = JilinRegions.cities[rng.weightedIndex(JilinRegions.cities.map(\.weight))]
            // Urban districts come first in the catalog and host most firms.
            let county = city.counties[rng.weightedIndex(city.counties.indices.map { $0 < 4 ? 4 : 1 })]
            let track = tracks[rng.weightedIndex(weights(cityCode: city.code))]
            var topics = [rng.pick(TopicBank.topics(of: track))]
            if rng.chance(0.25) {
                // A second line of business is usually in the same track.
                let other = rng.pick(rng.chance(0.6) ? TopicBank.topics(of: track) : TopicBank.all)
                if other.code != topics[0].code { topics.append(other) }
            }
            let name = uniqueName(city: city, topic: topics[0], used: &names, using: &rng)
            let founded = min(today.year - 1, 1995 + rng.index(29))
            let qualifications = qualifications(using: &rng)
            let employees = [rng.int(in: 15...80), rng.int(in: 80...300), rng.int(in: 300...1500)][
                rng.weightedIndex([5, 4, 1])]
            let researchers = max(3, employees * rng.int(in: 8...25) / 100)
            let contactPerson = PersonNames.make(using: &rng)
            let contact = ContactPerson(
                name: contactPerson.name, phone: contacts.mainlandMobile(using: &rng),
                email: rng.chance(0.7)
                    ? contacts.email(pinyin: contactPerson.pinyin, domain: "e\(Format.padded(number, 4)).example.com")
                    : "")
            let uscc = try! USCC.make(divisionCode: county.code, serial: 20_000_000 + number * 1_000 + rng.index(1_000))
            let profile = EnterpriseProfile(
                name: name, identifier: uscc.value, regionCode: city.code,
                address: "吉林省\(city.name)\(county.name)\(rng.pick(streets))\(rng.int(in: 1...2999))号",
                tracks: uniqueTracks(topics), qualifications: qualifications, foundedYear: founded,
                summary: summary(
                    city: city, county: county, topic: topics[0], founded: founded, employees: employees,
                    researchers: researchers, qualifications: qualifications),
                contact: contact)
            return DemoEnterprise(
                id: Format.id("ent", number, width: 4), profile: profile, cityCode: city.code, countyCode: county.code,
                topicCodes: topics.map(\.code), employees: employees, researchers: researchers)
        }
    }

    static let streets = [
        "创新路", "科技大街", "兴业路", "工业大街", "光明路", "繁荣路", "振兴路", "新华路", "富民大街", "建设街",
        "育才路", "东环路", "西环路", "北辰路", "南湖路", "实业路",
    ]

    private static func uniqueName(
        city: DemoCity, topic: DemoTopic, used: inout Set<String>, using rng: inout SplitMix64
    ) -> String {
        while true {
            let word = rng.pick(topic.companyWords)
            let suffix =
                word.hasSuffix("科技") || word.hasSuffix("技术")
                ? rng.pick(["有限公司", "股份有限公司", "有限责任公司"]) : CompanyNames.suffix(using: &rng)
            let name = city.shortName + CompanyNames.tradeName(using: &rng) + word + suffix
            if used.insert(name).inserted { return name }
        }
    }

    private static func qualifications(using rng: inout SplitMix64) -> [EnterpriseQualification] {
        var result: [EnterpriseQualification] = []
        let highTech = rng.chance(0.38)
        if highTech { result.append(.highTech) }
        if rng.chance(0.5) { result.append(.techSME) }
        if rng.chance(highTech ? 0.3 : 0.06) { result.append(.specialized) }
        return result
    }

    private static func uniqueTracks(_ topics: [DemoTopic]) -> [IndustryTrack] {
        var result: [IndustryTrack] = []
        for topic in topics where !result.contains(topic.track) { result.append(topic.track) }
        return result
    }

    private static func summary(
        city: DemoCity, county: DemoCounty, topic: DemoTopic, founded: Int, employees: Int,
        researchers: Int, qualifications: [EnterpriseQualification]
    ) -> String {
        var text = "公司成立于\(founded)年，位于\(city.name)\(county.name)，主要从事\(topic.business)的研发、生产和销售。"
        text += "现有员工\(employees)人，其中研发人员\(researchers)人。"
        if !qualifications.isEmpty {
            let labels: [EnterpriseQualification: String] = [
                .highTech: "国家高新技术企业", .techSME: "科技型中小企业", .specialized: "专精特新中小企业",
            ]
            text += "公司为" + qualifications.compactMap { labels[$0] }.joined(separator: "、") + "。"
        }
        return text
    }
}
