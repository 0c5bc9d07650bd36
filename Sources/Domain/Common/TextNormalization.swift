import Foundation

/// Normalises user-typed text: full-width forms to ASCII, trimmed whitespace.
public enum TextNormalization {
    /// Maps full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to their ASCII forms.
    public static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000:
                scalars.append(" ")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Trims surrounding whitespace (including the ideographic space) and keeps the text as typed.
    ///
    /// Free text keeps its full-width punctuation: “，” is correct Chinese, not a typo for “,”.
    public static func trim(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Half-width, then trimmed of surrounding whitespace and newlines; for codes, numbers and addresses.
    public static func clean(_ text: String) -> String {
        halfWidth(text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Removes every whitespace character, including inner spaces, e.g. in `9122 0101 …`.
    public static func compact(_ text: String) -> String {
        String(
            halfWidth(text).unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(
                Character.init))
    }

    /// Splits a multi-valued cell on `;` `；` `、` `,` `，` and trims the parts, dropping empty ones.
    public static func splitList(_ text: String) -> [String] {
        let separators: Set<Character> = [";", "；", "、", ",", "，"]
        return text.split(whereSeparator: { separators.contains($0) })
            .map { trim(String($0)) }
            .filter { !$0.isEmpty }
    }
}
