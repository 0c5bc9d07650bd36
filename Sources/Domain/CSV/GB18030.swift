#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// GB18030 ⇄ UTF-8 through the C library's iconv, because Foundation on Linux has no GB18030 codec.
public enum GB18030 {
    /// Decodes GB18030 bytes (which include GBK and GB2312); nil if they are not valid GB18030.
    public static func decode(_ bytes: [UInt8]) -> String? {
        guard let converter = Iconv(from: "GB18030", to: "UTF-8"), let utf8 = converter.convert(bytes) else {
            return nil
        }
        return String(validating: utf8, as: UTF8.self)
    }

    /// Encodes text as GB18030, which can represent every Unicode character.
    public static func encode(_ text: String) -> [UInt8]? {
        Iconv(from: "UTF-8", to: "GB18030")?.convert(Array(text.utf8))
    }
}

/// Owns one iconv conversion descriptor and closes it in `deinit`.
final class Iconv {
    private let descriptor: iconv_t

    init?(from source: String, to target: String) {
        let cd = iconv_open(target, source)
        guard let cd, cd != iconv_t(bitPattern: -1) else { return nil }
        descriptor = cd
    }

    deinit {
        iconv_close(descriptor)
    }

    /// Converts the whole input, or returns nil on an invalid or incomplete sequence.
    func convert(_ input: [UInt8]) -> [UInt8]? {
        if input.isEmpty { return [] }
        var source = input.map { CChar(bitPattern: $0) }
        // Four output bytes per input byte covers every GB18030/UTF-8 pair in both directions.
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        var sourceLeft = source.count
        var outputLeft = output.count
        let result = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var sourcePointer = sourceBuffer.baseAddress
                var outputPointer = outputBuffer.baseAddress
                return iconv(descriptor, &sourcePointer, &sourceLeft, &outputPointer, &outputLeft)
            }
        }
        guard result != -1, sourceLeft == 0 else { return nil }
        return output[0..<(output.count - outputLeft)].map { UInt8(bitPattern: $0) }
    }
}
