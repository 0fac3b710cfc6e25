import Foundation

/// Plain decimal text for numbers with a fixed number of decimals (never exponent notation), for KML.
/// JSON text (nested property values) comes from `JSONTextWriter`.
enum NumberText {
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
