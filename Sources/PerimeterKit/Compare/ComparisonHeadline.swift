import Foundation

/// The few plain sentences `comparison.md`, `comparison.json` (`headline`) and stdout open with: per
/// target altitude, the sites and notional cost of a continuous belt on each forward line (per layer
/// and combined), then what `assetSentences` adds (assets covered, worst warning time and from where).
public enum ComparisonHeadline {
    public static func sentences(_ c: Comparison) -> [String] {
        beltSentences(c) + assetSentences(c)
    }

    /// One sentence per target altitude and system, plus one for the layers combined.
    static func beltSentences(_ c: Comparison) -> [String] {
        var out: [String] = []
        for alt in c.inputs.targetAltitudesM {
            for (layer, profile) in c.inputs.layers.enumerated() {
                let belts = c.perimeters.compactMap { r in r.belts.first { $0.layer == layer && $0.targetAltitudeM == alt }.map { (r, $0) } }
                guard let first = belts.first?.1 else { continue }
                let radius = String(format: "%.1f km", first.radiusM / 1000)
                let limit = first.radiusM < profile.rangeKm * 1000 ? "radar horizon" : "full range"
                let parts = belts.map { r, b -> String in
                    let length = "\(r.line.name) (\(Int((r.line.lengthM / 1000).rounded())) km)"
                    let cost = b.costUSDMillion.map { " for \(money($0))" } ?? ""
                    guard b.isContinuous else {
                        return "\(length) cannot be covered continuously from friendly ground at the standoff: \(String(format: "%.1f", b.unreachableM / 1000)) km stay uncovered with \(Plural.counted(b.sites.count, "site"))\(cost)"
                    }
                    return "\(length) needs \(Plural.counted(b.sites.count, "site"))\(cost)"
                }
                let costNote = profile.cost.map { " (notional \(money($0.usdMillion)) per fire unit, range \(money($0.lowUSDMillion))–\(money($0.highUSDMillion).dropFirst(4)))" }
                    ?? " (no public cost per fire unit)"
                let title = profile.title.replacingOccurrences(of: " (notional)", with: "")
                out.append("Against targets at \(Comparison.fmt(alt)) m, a continuous belt of \(title) (effective radius \(radius), \(limit)): "
                           + parts.joined(separator: "; ") + costNote + ".")
            }
            if c.inputs.layers.count > 1 {
                let parts = c.perimeters.map { r -> String in
                    let belts = r.belts(atAltitude: alt)
                    let n = belts.reduce(0) { $0 + $1.sites.count }
                    let cost = belts.allSatisfy { $0.costUSDMillion != nil } ? " for \(money(belts.reduce(0) { $0 + ($1.costUSDMillion ?? 0) }))" : ""
                    return "\(r.line.name) \(Plural.counted(n, "site"))\(cost)"
                }
                out.append("All \(c.inputs.layers.count) layers together at \(Comparison.fmt(alt)) m: " + parts.joined(separator: "; ") + ".")
            }
        }
        return out
    }

    /// `USD 6.6 bn`, `USD 855 M`.
    static func money(_ usdMillion: Double) -> String {
        usdMillion >= 1000 ? String(format: "USD %.1f bn", usdMillion / 1000) : String(format: "USD %.0f M", usdMillion)
    }
}
