#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast decimal-number parsing over raw bytes (no `String` per field), for the CSV hot loop.
///
/// Plain decimals with at most 18 significant digits and a decimal exponent within ±22 are
/// converted exactly (one correctly rounded division of two exactly representable doubles);
/// anything else (exponents, long mantissas, `nan`, `inf`) goes through `strtod`.
enum DecimalParser {
    @usableFromInline static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// Parses bytes `[start, end)` of `p` as a whole number field; `nil` if not a number.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if p[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawDigit = false
        while i < end, p[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
            if mantissa != 0 { digits += 1 }
            sawDigit = true
            i += 1
        }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, p[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
                if mantissa != 0 { digits += 1 }
                fractionDigits += 1
                sawDigit = true
                i += 1
            }
        }
        if i == end, sawDigit, digits <= 18, fractionDigits <= 22 {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        return slowParse(p, start, end)
    }

    /// `strtod` over the field; the whole field must be consumed.
    static func slowParse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length > 0, length < 128 else { return nil }
        var text = [CChar](repeating: 0, count: length + 1)
        for k in 0..<length { text[k] = CChar(bitPattern: p[start + k]) }
        return text.withUnsafeBufferPointer { buffer -> Double? in
            var endPointer: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(buffer.baseAddress!, &endPointer)
            guard let endPointer, endPointer - UnsafeMutablePointer(mutating: buffer.baseAddress!) == length else {
                return nil
            }
            return value
        }
    }
}
