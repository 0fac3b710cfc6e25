import Foundation

/// Number text for JSON output: plain decimal notation only (no exponent), `-0` written as `0`.
enum JSONNumberFormat {
    private static let powersOfTen: [Double] = (0...15).map { pow(10, Double($0)) }

    /// `value` rounded to `decimals` places (0…15), trailing zeros and a trailing point trimmed:
    /// 12.5000001 → "12.5", 3.0 → "3", -0.0000001 → "0". `value` must be finite.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let decimals = max(0, min(15, decimals))
        let scaled = (value * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
        if abs(scaled) < 9.0e15 {
            let n = Int64(scaled)
            if n == 0 { return "0" }
            var digits = String(n.magnitude)
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            var integerPart = String(digits.dropLast(decimals))
            var fraction = String(digits.suffix(decimals))
            while fraction.last == "0" { fraction.removeLast() }
            if integerPart.isEmpty { integerPart = "0" }
            let body = fraction.isEmpty ? integerPart : "\(integerPart).\(fraction)"
            return n < 0 ? "-" + body : body
        }
        return trimmed(String(format: "%.\(decimals)f", value))
    }

    /// Appends the UTF-8 text of ``fixed(_:decimals:)`` to `out` without building intermediate strings
    /// (the hot path of writing coordinates).
    static func appendFixed(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { text in
            guard let count = writeFixed(value, decimals: decimals, into: text.baseAddress!) else {
                out.append(contentsOf: fixed(value, decimals: decimals).utf8)
                return
            }
            out.append(contentsOf: UnsafeBufferPointer(start: text.baseAddress!, count: count))
        }
    }

    /// Appends `[lon,lat]` (each as ``fixed(_:decimals:)``) to `out` in one piece.
    static func appendPosition(lon: Double, lat: Double, decimals: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { text in
            let base = text.baseAddress!
            base[0] = UInt8(ascii: "[")
            guard let a = writeFixed(lon, decimals: decimals, into: base + 1) else {
                return appendPositionSlowly(lon: lon, lat: lat, decimals: decimals, to: &out)
            }
            base[1 + a] = UInt8(ascii: ",")
            guard let b = writeFixed(lat, decimals: decimals, into: base + 2 + a) else {
                return appendPositionSlowly(lon: lon, lat: lat, decimals: decimals, to: &out)
            }
            base[2 + a + b] = UInt8(ascii: "]")
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: 3 + a + b))
        }
    }

    private static func appendPositionSlowly(lon: Double, lat: Double, decimals: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        appendFixed(lon, decimals: decimals, to: &out)
        out.append(UInt8(ascii: ","))
        appendFixed(lat, decimals: decimals, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// Writes the text of ``fixed(_:decimals:)`` at `text` (room for 24 bytes) and returns its length, or
    /// nil when |value| × 10^decimals is 8e15 or more (the caller then uses `fixed`).
    ///
    /// The same text as `fixed`: the scaled value is rounded half away from zero exactly (truncation,
    /// then the exact fraction compared with ½, which is what `rounded(.toNearestOrAwayFromZero)` does
    /// below 2^52 without a libm call), trailing fractional zeros dropped, digits two at a time.
    @inline(__always)
    static func writeFixed(_ value: Double, decimals: Int, into text: UnsafeMutablePointer<UInt8>) -> Int? {
        let decimals = max(0, min(15, decimals))
        let v = value * powersOfTen[decimals]
        guard abs(v) < 8.0e15 else { return nil }
        let t = Int64(v)  // toward zero; exact below 2^53
        let f = v - Double(t)  // exact: the fraction of v
        let n = f >= 0.5 ? t + 1 : (f <= -0.5 ? t - 1 : t)
        if n == 0 {
            text[0] = UInt8(ascii: "0")
            return 1
        }
        var m = n.magnitude
        var fractionDigits = decimals
        while fractionDigits > 0 && m % 10 == 0 {
            m /= 10
            fractionDigits -= 1
        }
        // Digits from the last into a 24-byte scratch area, then moved to the front.
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &scratch) { raw -> Int in
            let buf = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var i = 24
            var left = fractionDigits
            while left >= 2 {
                let r = m % 100
                m /= 100
                i -= 2
                buf[i] = 48 &+ UInt8(truncatingIfNeeded: r / 10)
                buf[i + 1] = 48 &+ UInt8(truncatingIfNeeded: r % 10)
                left -= 2
            }
            if left == 1 {
                i -= 1
                buf[i] = 48 &+ UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            }
            if fractionDigits > 0 {
                i -= 1
                buf[i] = UInt8(ascii: ".")
            }
            repeat {
                i -= 1
                buf[i] = 48 &+ UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            } while m > 0
            if n < 0 {
                i -= 1
                buf[i] = UInt8(ascii: "-")
            }
            let count = 24 - i
            text.update(from: buf + i, count: count)
            return count
        }
    }

    /// The shortest text that reads back as the same double, in plain decimal notation:
    /// 1e-05 → "0.00001", 1e+20 → "100000000000000000000", 2.0 → "2". `value` must be finite.
    static func shortest(_ value: Double) -> String {
        if value == 0 { return "0" }
        let text = "\(value)"  // Swift's shortest round-trip form, possibly with an exponent
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return trimmed(text) }
        let exponent = Int(text[text.index(after: e)...])!
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let pointIndex = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let digits = mantissa.replacingOccurrences(of: ".", with: "")
        let newPoint = pointIndex + exponent
        var body: String
        if newPoint <= 0 {
            body = "0." + String(repeating: "0", count: -newPoint) + digits
        } else if newPoint >= digits.count {
            body = digits + String(repeating: "0", count: newPoint - digits.count)
        } else {
            body = String(digits.prefix(newPoint)) + "." + String(digits.dropFirst(newPoint))
        }
        body = trimmed(body)
        return negative ? "-" + body : body
    }

    /// Trailing fractional zeros and point removed; "-0" becomes "0".
    private static func trimmed(_ text: String) -> String {
        var s = text
        if s.contains(".") {
            while s.last == "0" { s.removeLast() }
            if s.last == "." { s.removeLast() }
        }
        if s == "-0" { s = "0" }
        return s
    }
}
