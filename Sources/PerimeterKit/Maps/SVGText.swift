import Foundation
import GISFormats

/// SVG text helpers: XML escaping and pixel numbers rounded to 0.1 px (non-finite numbers refused).
enum SVGText {
    /// XML-escaped text for SVG, with tabs and line breaks as spaces (SVG text is one line).
    static func escaped(_ s: String) -> String {
        XMLText.escaped(String(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) }))
    }

    /// An opacity clamped to 0…1 with two decimals.
    static func opacity(_ v: Double) -> String {
        String(format: "%.2f", v.isFinite ? max(0, min(1, v)) : 1)
    }

    /// `v` rounded to 0.1 (`12`, `-3.5`); throws for NaN or infinity, which SVG cannot hold.
    static func number(_ v: Double) throws(MapError) -> String {
        guard v.isFinite else { throw MapError("refusing a non-finite number in SVG output") }
        let tenths = (v * 10).rounded()
        if tenths == 0 { return "0" }
        guard abs(tenths) < 1e15 else { return String(format: "%.1f", tenths / 10) }
        // Integer arithmetic: String(format:) costs about 1 µs a number, most of a map's rendering time.
        let t = Int64(tenths), whole = t / 10, tenth = abs(t % 10)
        let sign = t < 0 && whole == 0 ? "-" : ""
        return tenth == 0 ? String(whole) : sign + String(whole) + "." + String(tenth)
    }
}
