/// Turns uploaded bytes into text: UTF-8 (with or without BOM), else GB18030 as Excel on Chinese Windows writes.
public enum TextDecoding {
    /// The encoding a file turned out to be in.
    public enum Encoding: String, Sendable, Codable {
        case utf8BOM = "utf8_bom"
        case utf8
        case gb18030
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Detects the encoding (BOM → UTF-8; valid UTF-8 → UTF-8; otherwise GB18030) and decodes.
    public static func decode(_ bytes: [UInt8]) throws(CSVError) -> (text: String, encoding: Encoding) {
        if bytes.starts(with: bom) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw CSVError(line: 1, code: "encoding", message: "文件以UTF-8标记开头，但内容不是有效的UTF-8编码")
            }
            return (text, .utf8BOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        if let text = GB18030.decode(bytes) {
            return (text, .gb18030)
        }
        throw CSVError(line: 1, code: "encoding", message: "无法识别文件编码，请另存为“CSV UTF-8（逗号分隔）”后重新上传")
    }
}
