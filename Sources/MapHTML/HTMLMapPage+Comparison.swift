import Foundation
import GeoJSON
import PerimeterKit

extension HTMLMapPage {
    /// The comparison page: both perimeters' protected regions, forward lines, site lines, the nominal sites, the
    /// continuous belts' coverage, sites and gaps of each target altitude (switchable), the exposed frontier (off at first), and the figures
    /// table (one column per perimeter; altitude rows follow the switch).
    public static func comparison(_ report: ComparisonReport, title: String, basemap: PageBasemap?) throws -> HTMLMapPage {
        let c = report.comparison
        let alts = c.inputs.targetAltitudesM
        var layers: [PageLayer] = []
        for layer in try report.mapLayers() {
            if layer.role == .coverage || layer.role == .sites,
               let i = alts.firstIndex(where: { "coverage_\(number($0))m" == layer.name || "sites_\(number($0))m" == layer.name }) {
                layers.append(PageLayer(layer, altitude: i))
            } else if layer.role == .gaps {
                for (i, a) in alts.enumerated() {
                    let features = layer.collection.features.filter { $0.properties["target_alt_m"]?.doubleValue == a }
                    layers.append(PageLayer(name: "gaps_\(number(a))m", legend: "Out of reach of any belt, targets at \(number(a)) m",
                                            role: .gaps, style: layer.style, features: features, altitude: i))
                }
            } else {
                layers.append(PageLayer(layer))
            }
        }
        if let frontier = try report.layers().first(where: { $0.0 == "frontier.geojson" })?.1 {
            let exposed = frontier.features.filter { $0.properties["exposed"]?.boolValue == true }
            layers.insert(PageLayer(name: "exposed_frontier", legend: "Exposed frontier (non-allied and sea)", role: .lines,
                                    style: MapStyle(stroke: "#b2182b", strokeWidth: 2.5, dash: "2 4"), features: exposed,
                                    visible: false), at: min(layers.count, c.perimeters.count))
        }
        let i = c.inputs
        let subtitle = ComparisonHeadline.sentences(c).joined(separator: " ") + " "
            + "Profile \(i.profile.name): R = \(number(i.profile.rangeKm)) km, radar \(number(i.profile.radarHeightM)) m, "
            + "half-width w = \(number(i.halfWidthKm)) km, standoff \(number(i.standoffKm)) km, circles ±\(number(i.toleranceM)) m."
        return HTMLMapPage(title: title, subtitle: subtitle, notes: c.warnings.map { "⚠ " + $0.message } + c.notes, layers: layers, basemap: basemap,
                           altitudes: alts.map { "\(number($0)) m" }, table: figureTable(c))
    }

    /// One row per figure key, in report order (a key only one perimeter has is placed after its predecessor).
    static func figureTable(_ c: Comparison) -> PageTable {
        var keys: [String] = []
        var labels: [String: (String, String)] = [:]
        for r in c.perimeters {
            var previous: String?
            for (k, f) in r.figures {
                if labels[k] == nil {
                    let at = previous.flatMap { keys.firstIndex(of: $0) }.map { $0 + 1 } ?? keys.count
                    keys.insert(k, at: at)
                    labels[k] = (f.label, f.unit)
                }
                previous = k
            }
        }
        let rows = keys.map { k -> PageTable.Row in
            let values = c.perimeters.map { r in r.figures.first { $0.key == k }.map { text($0.figure) } ?? "" }
            var altitude: Int?
            if k.hasPrefix("alt"), let underscore = k.firstIndex(of: "_"), let n = Int(k[k.index(k.startIndex, offsetBy: 3)..<underscore]) {
                altitude = n - 1
            }
            return PageTable.Row(label: labels[k]!.0.trimmingCharacters(in: .whitespaces), unit: labels[k]!.1, values: values, altitude: altitude)
        }
        return PageTable(columns: c.perimeters.map(\.line.name), rows: rows)
    }

    /// A figure as the comparison table writes it.
    static func text(_ f: Figure) -> String {
        switch f.unit {
        case "count": return String(Int(f.value))
        case "pct": return String(format: f.value < 1 ? "%.3f" : "%.1f", f.value)
        case "m", "km/h", "km2": return PopupFields.number(f.value.rounded(), unit: nil)
        default: return String(format: "%.1f", f.value)
        }
    }

    /// `100`, `12.5`.
    static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}
