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
        let decimals = max(0, min(15, decimals))
        let scaled = (value * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9.0e15 else {
            out.append(contentsOf: fixed(value, decimals: decimals).utf8)
            return
        }
        let n = Int64(scaled)
        if n == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var m = n.magnitude
        var fractionDigits = decimals
        while fractionDigits > 0 && m % 10 == 0 {
            m /= 10
            fractionDigits -= 1
        }
        // Digits from the last, into a small buffer, then appended at once.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { text in
            var i = 40, written = 0
            repeat {
                if written == fractionDigits && fractionDigits > 0 {
                    i -= 1
                    text[i] = UInt8(ascii: ".")
                }
                i -= 1
                text[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
                m /= 10
                written += 1
            } while m > 0 || written <= fractionDigits
            if n < 0 {
                i -= 1
                text[i] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[i..<40]))
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
