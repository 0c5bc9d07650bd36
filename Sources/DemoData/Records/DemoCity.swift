/// One of Jilin's nine prefecture-level regions, with its county-level GB/T 2260 codes.
public struct DemoCity: Sendable, Codable, Equatable {
    /// The 6-digit city code, e.g. `220100`.
    public let code: String
    /// The full name, e.g. 长春市.
    public let name: String
    /// The short name used in company names, e.g. 长春.
    public let shortName: String
    /// The telephone area code without the trunk zero's dash, e.g. `0431`.
    public let areaCode: String
    /// Relative share of enterprises registered here.
    public let weight: Int
    /// County-level divisions (district, county, county-level city) used as USCC division codes.
    public let counties: [DemoCounty]
}

/// A county-level division under a city.
public struct DemoCounty: Sendable, Codable, Equatable {
    public let code: String
    public let name: String
}
