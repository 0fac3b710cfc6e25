import Foundation
import PerimeterTestSupport
import Testing
@testable import PerimeterKit
#if canImport(Glibc)
import Glibc
#endif

/// `DecimalParser` (the CSV hot path) must return exactly what C's `strtod` returns, bit for bit.
@Suite struct DecimalParserTests {
    /// `strtod` over the whole text, or nil when it does not consume all of it.
    static func strtodWhole(_ text: String) -> Double? {
        text.withCString { c -> Double? in
            var end: UnsafeMutablePointer<CChar>? = nil
            let v = strtod(c, &end)
            guard let end, end - UnsafeMutablePointer(mutating: c) == text.utf8.count, !text.isEmpty else { return nil }
            return v
        }
    }

    static func ours(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { DecimalParser.parse($0) }
    }

    /// A random decimal: sign, 1–20 significant digits, a decimal point anywhere (or none), and often an
    /// exponent from −340 to 340, sometimes with leading zeros.
    static func randomDecimal(_ rng: inout SplitMix64) -> String {
        var s = ""
        switch rng.next() % 4 { case 0: s = "-"; case 1: s = "+"; default: break }
        let digitCount = Int(rng.next() % 20) + 1
        var digits = (0..<digitCount).map { _ in Character(String(rng.next() % 10)) }
        if rng.next() % 8 == 0 { digits.insert(contentsOf: Array(repeating: "0", count: Int(rng.next() % 4)), at: 0) }
        let point = Int(rng.next() % UInt64(digits.count + 2)) - 1  // −1: no point
        if point >= 0 { digits.insert(".", at: min(point, digits.count)) }
        s += String(digits)
        if s.hasSuffix(".") && rng.next() % 2 == 0 { s += "0" }
        switch rng.next() % 3 {
        case 0: s += (rng.next() % 2 == 0 ? "e" : "E") + (rng.next() % 2 == 0 ? "-" : "") + String(rng.next() % 341)
        case 1: s += "e" + (rng.next() % 2 == 0 ? "-" : "+") + String(rng.next() % 23)
        default: break
        }
        return s
    }

    @Test func millionRandomDecimalsMatchStrtodBitForBit() {
        var rng = SplitMix64(seed: 0x5EED_DEC1)
        var checked = 0, mismatches: [String] = []
        var fastRange = 0  // inputs of 16–18 significant digits above 2^53 (the old double-rounding case)
        for _ in 0..<1_000_000 {
            let text = Self.randomDecimal(&rng)
            let reference = Self.strtodWhole(text)
            let value = Self.ours(text)
            checked += 1
            if text.filter(\.isNumber).count >= 16, let r = reference, abs(r) > 9_007_199_254_740_992 { fastRange += 1 }
            if value?.bitPattern != reference?.bitPattern, mismatches.count < 10 {
                mismatches.append("\(text): ours \(String(describing: value)) strtod \(String(describing: reference))")
            }
        }
        #expect(checked == 1_000_000)
        #expect(fastRange > 10_000)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    /// 16–18-digit integers and coordinates above 2^53, where converting the significand to Double before
    /// scaling rounds twice.
    @Test func significandsAbove2To53() {
        var rng = SplitMix64(seed: 53)
        var bad: [String] = []
        for _ in 0..<200_000 {
            let digits = 16 + Int(rng.next() % 3)
            var text = String(rng.next() % 9 + 1)
            for _ in 1..<digits { text += String(rng.next() % 10) }
            let point = Int(rng.next() % UInt64(digits))
            if point > 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if Self.ours(text)?.bitPattern != Self.strtodWhole(text)?.bitPattern, bad.count < 10 { bad.append(text) }
        }
        #expect(bad.isEmpty, "\(bad)")
        // Known double-rounding cases of the old fast path.
        for text in ["9007199254740993", "123456789012345678", "0.9007199254740993", "52.23456789012345678"] {
            #expect(Self.ours(text)?.bitPattern == Self.strtodWhole(text)?.bitPattern, "\(text)")
        }
    }

    @Test func whatStrtodAcceptsOrRefuses() {
        let texts = ["0", "-0", "+0.0", "-0e5", "1.", ".5", ".", "", "-", "e5", "1e", "1e+", "1e-400", "1e400", "-1e400",
                     "nan", "NaN", "inf", "-Infinity", "0x1p-3", " 12", "12 ", "1,5", "1_000", "4.9e-324", "2.4703282292062327e-324",
                     "1.7976931348623157e308", "1.7976931348623159e308", String(repeating: "1", count: 300),
                     "0." + String(repeating: "0", count: 400) + "1e400", "1e0000000000000000000000001", "00000000000000000000001.25"]
        for text in texts {
            let (ours, reference) = (Self.ours(text), Self.strtodWhole(text))
            if let ours, let reference, ours.isNaN, reference.isNaN { continue }
            #expect(ours?.bitPattern == reference?.bitPattern, "'\(text)': \(String(describing: ours)) vs \(String(describing: reference))")
        }
    }
}
