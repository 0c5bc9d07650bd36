/// Checks GB/T 13745 discipline codes: 3 digits (first level), 5 (second) or 7 (third).
public enum DisciplineCode {
    public static func isValid(_ code: String) -> Bool {
        [3, 5, 7].contains(code.count) && code.allSatisfy(\.isASCIIDigit)
    }

    /// The enclosing codes, nearest first: `4302010` → `["43020", "430"]`.
    public static func ancestors(of code: String) -> [String] {
        [5, 3].filter { $0 < code.count }.map { String(code.prefix($0)) }
    }

    /// Normalises and checks a list, adding one error per bad code under `field`.
    public static func validate(_ codes: [String], field: String, into errors: inout ValidationErrorBuilder) -> [String]
    {
        let cleaned = codes.map(TextNormalization.compact)
        for code in cleaned where !isValid(code) {
            errors.add(field, "invalid_code", "学科代码“\(code)”应为3、5或7位数字（GB/T 13745）")
        }
        return cleaned
    }
}
