import Foundation

/// Plain decimal text for numbers (never exponent notation, never `nan`/`inf`), for KML and JSON.
enum NumberText {
    /// The shortest text that reads back as `value` (Swift's round-trip description), in plain decimal
    /// form; integral values keep one decimal (`3.0`).
    static func shortest(_ value: Double) -> String {
        let s = "\(value)"
        guard s.contains("e") else { return s }
        return fixed(value, decimals: 17)
    }

    /// `value` with at most `decimals` decimals, trailing zeros removed (`21.0122`, `-3`, `0`).
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scaled = value
        var text: String
        if abs(value) < 1e15 {
            let factor = pow10(decimals)
            scaled = (value * factor).rounded() / factor
            text = formatFixed(scaled, decimals: decimals)
        } else {
            text = String(format: "%.0f", value)
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
    }

    private static func pow10(_ n: Int) -> Double {
        var f = 1.0
        for _ in 0..<n { f *= 10 }
        return f
    }

    private static func formatFixed(_ v: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", v)
    }
}
