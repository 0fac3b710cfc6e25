import Foundation
import GeoJSON

/// A feature's properties as popup rows (label, value with its unit), read from the unit suffix of each
/// property name (`area_km2` → "area" "12,345 km²", `dwell_s` → "dwell" "94.0 s (1 min 34 s)"). Bookkeeping
/// members (`layer`, `role`, `source` paths…) are left out; long texts are cut.
enum PopupFields {
    static let hidden: Set<String> = ["layer", "role", "projection", "sources", "method", "approximate", "tolerance_m", "vertices"]

    static func rows(_ p: JSONObject) -> [(String, String)] {
        var out: [(String, String)] = []
        for (key, value) in p.members where !hidden.contains(key) {
            guard let text = self.text(value, key: key) else { continue }
            out.append((label(key), text))
        }
        return out
    }

    static func json(_ rows: [(String, String)]) -> JSONValue {
        .array(rows.map { .array([.string($0.0), .string($0.1)]) })
    }

    static let units: [(suffix: String, unit: String)] = [
        ("_km2", "km²"), ("_km", "km"), ("_m", "m"), ("_s", "s"), ("_pct", "%"), ("_kmh", "km/h"), ("_min", "min"),
    ]

    /// Labels that would be ambiguous read from the name alone.
    static let labels = ["perimeter": "of perimeter", "n": "incursion #", "site": "site #", "part": "site line part"]

    static func label(_ key: String) -> String {
        if let l = labels[key] { return l }
        var k = key
        for u in units where k.hasSuffix(u.suffix) { k.removeLast(u.suffix.count); break }
        return k.replacingOccurrences(of: "_", with: " ")
    }

    static func unit(_ key: String) -> String? { units.first { key.hasSuffix($0.suffix) }?.unit }

    static func text(_ v: JSONValue, key: String) -> String? {
        switch v {
        case .null: return "—"
        case .bool(let b): return b ? "yes" : "no"
        case .string(let s): return s.count > 160 ? String(s.prefix(157)) + "…" : s
        case .integer, .number:
            guard let d = v.doubleValue else { return nil }
            let u = unit(key)
            var s = number(d, unit: u)
            if let u { s += " " + u }
            if u == "s", abs(d) >= 60 { s += " (\(duration(d)))" }
            return s
        case .array(let a):
            let parts = a.compactMap { text($0, key: "") }
            return parts.isEmpty ? nil : String(parts.joined(separator: ", ").prefix(160))
        case .object: return nil
        }
    }

    /// A number for reading: grouped thousands, decimals by size (km² and counts whole above 1,000).
    static func number(_ d: Double, unit: String?) -> String {
        let a = abs(d)
        let decimals = d == d.rounded() && a < 1e15 ? 0 : a >= 1000 ? (unit == "km2" || unit == "km²" ? 0 : 1) : a >= 10 ? 1 : a >= 1 ? 2 : 3
        let text = String(format: "%.\(decimals)f", a)
        let dot = text.firstIndex(of: ".") ?? text.endIndex
        var whole = String(text[..<dot])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        return (d < 0 ? "−" : "") + whole + grouped + text[dot...]
    }

    /// `1 h 02 min 05 s`, `3 min 20 s`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(abs(seconds).rounded())
        let sign = seconds < 0 ? "−" : ""
        if s >= 3600 { return "\(sign)\(s / 3600) h \(String(format: "%02d", s / 60 % 60)) min \(String(format: "%02d", s % 60)) s" }
        return "\(sign)\(s / 60) min \(s % 60) s"
    }
}
