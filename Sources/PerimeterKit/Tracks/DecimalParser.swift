#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal-number parsing over raw bytes (no `String` per field), for the CSV hot loop; the result is
/// bit-identical to C's `strtod` on the whole field (which must be consumed entirely).
///
/// Fast path (Clinger's exact case): a decimal `[±]digits[.digits][e±digits]` whose significand, digits
/// read as an integer `m`, is at most 2^53 and whose net decimal exponent `k` is within ±22. Then `m`
/// and `10^|k|` are both exactly representable doubles and one IEEE multiplication or division rounds
/// the exact quotient once, correctly — the same double `strtod` returns. Anything else (a significand
/// above 2^53, larger exponents, `nan`, `inf`, hex floats, leading blanks) goes to `strtod` itself.
/// A significand above 2^53 must not be converted to `Double` first: that would round twice.
public enum DecimalParser {
    /// 10^0 … 10^22, every one an exactly representable double.
    @usableFromInline static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The largest significand that converts to `Double` exactly in the fast path (2^53).
    @usableFromInline static let maxExactSignificand: UInt64 = 1 << 53

    /// Parses `bytes` as one whole number field, as `strtod` would; `nil` if `strtod` would not consume
    /// all of it (or it is empty).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = bytes.baseAddress else { return nil }
        return parse(base, 0, bytes.count)
    }

    /// Parses bytes `[start, end)` of `p` as a whole number field; `nil` if not a number.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if p[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        while i < end, p[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
            if mantissa != 0 { significantDigits += 1 }
            sawDigit = true
            i += 1
        }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, p[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 48)
                if mantissa != 0 { significantDigits += 1 }
                exponent -= 1
                sawDigit = true
                i += 1
            }
        }
        if sawDigit, i < end, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < end, p[i] == UInt8(ascii: "-") { exponentNegative = true; i += 1 } else if i < end, p[i] == UInt8(ascii: "+") { i += 1 }
            var written = 0
            var exponentDigits = 0
            while i < end, p[i] &- 48 < 10, exponentDigits < 6 {
                written = written * 10 + Int(p[i] &- 48)
                exponentDigits += 1
                i += 1
            }
            if exponentDigits == 0 { return slowParse(p, start, end) }
            exponent += exponentNegative ? -written : written
        }
        // 19 significant digits always fit a UInt64 (the wrapping arithmetic above never wrapped).
        if i == end, sawDigit, significantDigits <= 19, mantissa <= maxExactSignificand, exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent < 0 ? m / powersOfTen[-exponent] : m * powersOfTen[exponent]
            return negative ? -value : value
        }
        return slowParse(p, start, end)
    }

    /// `strtod` over the field; the whole field must be consumed.
    static func slowParse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length > 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { text -> Double? in
            let base = text.baseAddress!
            for k in 0..<length {
                let byte = p[start + k]
                if byte == 0 { return nil }  // strtod would stop here
                base[k] = CChar(bitPattern: byte)
            }
            base[length] = 0
            var endPointer: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(base, &endPointer)
            guard let endPointer, endPointer - base == length else { return nil }
            return value
        }
    }
}
