#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal-number parsing over raw bytes (no `String` per field), for the CSV hot loop; the result is
/// bit-identical to C's `strtod` on the whole field (which must be consumed entirely).
///
/// Fast paths, for a decimal `[±]digits[.digits][e±digits]` whose digits, read as an integer `m`, have at
/// most 19 significant digits, with net decimal exponent `k`:
/// 1. Clinger's exact case, `m ≤ 2^53` and `|k| ≤ 22`: `m` and `10^|k|` are exactly representable
///    doubles, so one IEEE multiplication or division rounds the exact result once, correctly.
/// 2. `m > 2^53` (16–19 digits, as Python's `repr` and many exporters write coordinates) with
///    `-19 ≤ k ≤ 19`: the exact product `m·10^k`, or the quotient of `m·2^s` by `10^-k` with its
///    remainder folded into a sticky bit, is formed in 128 bits and rounded to `Double` once.
///    Converting `m` to `Double` first and then scaling would round twice (1 ulp off for about 18 %
///    of such inputs).
/// Anything else (larger exponents, more digits, `nan`, `inf`, hex floats, leading blanks) goes to
/// `strtod` itself, so the result is always the double `strtod` returns.
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
        if i == end, sawDigit, significantDigits <= 19 {
            if mantissa <= maxExactSignificand, exponent >= -22, exponent <= 22 {
                let m = Double(mantissa)
                let value = exponent < 0 ? m / powersOfTen[-exponent] : m * powersOfTen[exponent]
                return negative ? -value : value
            }
            if exponent >= -19, exponent <= 19 {
                let value = wideSignificand(mantissa, exponent)
                return negative ? -value : value
            }
        }
        return slowParse(p, start, end)
    }

    /// 10^0 … 10^19 as integers.
    @usableFromInline static let integerPowersOfTen: [UInt64] = (0...19).reduce(into: [UInt64]()) { table, k in
        table.append(k == 0 ? 1 : table[k - 1] * 10)
    }

    /// `m · 10^k` correctly rounded, for `2^53 < m < 10^19` and `-19 ≤ k ≤ 19`, with a single rounding:
    /// the exact value is formed in 128 bits (64-bit multiply or divide instructions), cut to a 64-bit
    /// integer with a sticky bit for everything below (round-to-odd, far under the rounding position), and
    /// only that integer is rounded to `Double`; the final power-of-two scaling is exact.
    @inline(__always)
    static func wideSignificand(_ m: UInt64, _ k: Int) -> Double {
        if k >= 0 {
            let (hi, lo) = m.multipliedFullWidth(by: integerPowersOfTen[k])  // < 2^127
            if hi == 0 { return Double(lo) }
            let lz = hi.leadingZeroBitCount
            let top = lz == 0 ? hi : (hi << lz) | (lo >> (64 - lz))
            let sticky: UInt64 = (lo << lz) != 0 ? 1 : 0
            return Double(top | sticky) * Double(sign: .plus, exponent: 64 - lz, significand: 1)
        }
        // q = m·2^s / d with s chosen so that 2^61 < q < 2^63; the remainder becomes the sticky bit.
        let d = integerPowersOfTen[-k]
        let dBits = 64 - d.leadingZeroBitCount, mBits = 64 - m.leadingZeroBitCount
        let s = 62 + dBits - mBits  // 0 ... 72
        let hi: UInt64, lo: UInt64
        if s == 0 { (hi, lo) = (0, m) } else if s < 64 { (hi, lo) = (m >> (64 - s), m << s) } else { (hi, lo) = (m << (s - 64), 0) }
        let (q, r) = d.dividingFullWidth((high: hi, low: lo))  // hi < d since q < 2^64
        return Double(q | (r != 0 ? 1 : 0)) * Double(sign: .plus, exponent: -s, significand: 1)
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
