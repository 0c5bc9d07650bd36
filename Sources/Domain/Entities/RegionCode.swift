/// Checks region codes: a 6-digit GB/T 2260 code (city, county) or a 2-digit province code.
public enum RegionCode {
    /// The GB/T 2260 province-level codes, including 71 台湾, 81 香港 and 82 澳门.
    public static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ]

    public static func isValid(_ code: String) -> Bool {
        guard [2, 6].contains(code.count), code.allSatisfy(\.isASCIIDigit) else { return false }
        return provinces.contains(String(code.prefix(2)))
    }

    /// The two-digit province code of a valid region code.
    public static func province(of code: String) -> String {
        String(code.prefix(2))
    }

    /// Normalises and checks one code under `field`; nil input is allowed unless `required`.
    public static func validate(
        _ code: String?, field: String, required: Bool, into errors: inout ValidationErrorBuilder
    ) -> String? {
        let cleaned = code.map(TextNormalization.compact) ?? ""
        if cleaned.isEmpty {
            if required { errors.add(field, "required", "请填写所在地区代码") }
            return nil
        }
        if !isValid(cleaned) {
            errors.add(field, "invalid_code", "地区代码“\(cleaned)”应为6位行政区划代码（如220100）或2位省级代码（如44）")
        }
        return cleaned
    }
}
