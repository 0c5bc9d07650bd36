/// Parses the many ways people type phone numbers into a `PhoneNumber`.
enum PhoneNumberParser {
    static func parse(_ input: String, field: String) throws(ValidationError) -> PhoneNumber {
        var text = TextNormalization.compact(input).lowercased()
        if text.isEmpty {
            throw failure(field, "required", "请填写电话号码")
        }
        var ext: String?
        for marker in ["转", "ext.", "ext", "#", "x"] {
            if let range = text.range(of: marker) {
                ext = String(text[range.upperBound...])
                text = String(text[..<range.lowerBound])
                break
            }
        }
        if let e = ext, e.isEmpty || e.count > 6 || !e.allSatisfy(\.isASCIIDigit) {
            throw failure(field, "format", "分机号应为1至6位数字")
        }
        var country: String?
        for (prefix, code) in [
            ("+86", "86"), ("0086", "86"), ("+852", "852"), ("00852", "852"), ("+853", "853"), ("00853", "853"),
        ]
        where text.hasPrefix(prefix) {
            country = code
            text.removeFirst(prefix.count)
            break
        }
        if ext == nil { splitDashExtension(&text, &ext) }
        let digits = text.filter { !"-().".contains($0) }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            throw failure(field, "format", "电话号码只能包含数字、+、-、括号和分机号")
        }
        switch country {
        case "852", "853":
            guard ext == nil, digits.count == 8, !"01".contains(digits.first!) else {
                let place = country == "852" ? "香港" : "澳门"
                throw failure(field, "format", "\(place)电话号码应为+\(country!)加8位数字")
            }
            return PhoneNumber(kind: country == "852" ? .hongKong : .macao, value: "+\(country!)\(digits)")
        default:
            return try mainland(digits, ext: ext, explicitCountry: country != nil, field: field)
        }
    }

    static func mainland(
        _ digits: String, ext: String?, explicitCountry: Bool, field: String
    ) throws(ValidationError) -> PhoneNumber {
        var digits = digits
        // "8613912345678" is a common way to write +86 without the plus.
        if !explicitCountry, digits.count == 13, digits.hasPrefix("861") { digits.removeFirst(2) }
        if digits.count == 11, digits.first == "1" {
            let second = digits[digits.index(after: digits.startIndex)]
            guard ext == nil, ("3"..."9").contains(second) else {
                throw failure(field, "format", "手机号码应为1开头、第二位为3至9的11位数字")
            }
            return PhoneNumber(kind: .mobile, value: digits)
        }
        // After +86 the area code loses its trunk 0: +86 431 8888 1234.
        if explicitCountry, digits.first != "0" { digits = "0" + digits }
        guard digits.first == "0" else {
            throw failure(field, "format", "请填写11位手机号码，或带区号的固定电话（如0431-88881234）")
        }
        let areaLength = digits.hasPrefix("010") || digits.hasPrefix("02") ? 3 : 4
        let area = digits.prefix(areaLength)
        let local = digits.dropFirst(areaLength)
        guard (7...8).contains(local.count), let head = local.first, !"01".contains(head) else {
            throw failure(field, "format", "固定电话应为区号加7至8位号码（如0431-88881234）")
        }
        let base = "\(area)-\(local)"
        return PhoneNumber(kind: .landline, value: ext.map { "\(base)-\($0)" } ?? base)
    }

    /// Treats the last dash group of `0431-88881234-123` as an extension, but not of `138-1234-5678`.
    static func splitDashExtension(_ text: inout String, _ ext: inout String?) {
        let parts = text.split(separator: "-")
        guard parts.count >= 3, let last = parts.last, (1...6).contains(last.count),
            last.allSatisfy(\.isASCIIDigit)
        else { return }
        let rest = parts.dropLast().joined(separator: "-")
        let restDigits = rest.filter(\.isASCIIDigit)
        guard restDigits.count >= 10, restDigits.first == "0" else { return }
        text = rest
        ext = String(last)
    }

    static func failure(_ field: String, _ code: String, _ message: String) -> ValidationError {
        ValidationError(FieldError(field: field, code: code, message: message))
    }
}
