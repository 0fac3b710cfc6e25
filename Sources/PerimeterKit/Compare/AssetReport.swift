import Foundation
import GeoJSON
import GeometryCore

/// The asset assessment as outputs: `assets.geojson` (one point per perimeter and asset), the assets
/// section of `comparison.md` and `comparison.json`, the headline sentences and the map layers.
public enum AssetReport {
    public static let layerFileName = "assets.geojson"

    /// How Kyiv, which straddles the Dnipro, is treated (README, comparison.md and comparison.json).
    public static let kyivNote = "Kyiv straddles the Dnipro: the asset 'Kyiv' is its centre on the right (west) bank, inside the Dnipro perimeter's region "
        + "and about 1 km from the river line; 'Kyiv left bank' is a point in its left-bank districts, east of the line and so outside that region "
        + "(the Dnipro perimeter does not protect it)."

    static func km(_ m: Double) -> String { String(format: "%.1f", m / 1000) }
    static func minutes(_ m: Double, _ s: ThreatSpeed) -> String { String(format: "%.1f", s.minutes(forM: m)) }

    /// One feature per perimeter and asset, with `role` `asset`.
    public static func layer(_ c: Comparison) -> FeatureCollection {
        var features: [Feature] = []
        for a in c.assets {
            for row in a.rows {
                var p: JSONObject = [
                    "perimeter": .string(a.perimeter), "role": "asset", "name": .string(row.asset.name), "kind": .string(row.asset.kind),
                    "country": .string(row.asset.country), "source": .string(row.asset.source), "in_region": .bool(row.inRegion)]
                for cv in row.cover { p["covered_\(cv.layout)_\(Comparison.fmt(cv.targetAltitudeM))m"] = .bool(cv.covered) }
                if let n = row.nearest {
                    p["nearest_exposed_frontier"] = .string(n.neighbour)
                    p["nearest_exposed_frontier_km"] = .number(n.distanceM / 1000)
                    for s in c.inputs.threatSpeeds { p["warning_min_at_\(Comparison.fmt(s.kmh))_kmh"] = .number(s.minutes(forM: n.distanceM)) }
                    for e in row.exposures { p["distance_to_\(e.neighbour)_km"] = .number(e.distanceM / 1000) }
                }
                features.append(Feature(geometry: .point(Position(row.asset.position)), properties: p))
            }
        }
        return FeatureCollection(features: features)
    }

    /// The `assets` member of comparison.json.
    public static func json(_ c: Comparison) -> JSONValue {
        var perimeters: [JSONValue] = []
        for a in c.assets {
            let rows: [JSONValue] = a.rows.map { row in
                var o: JSONObject = [
                    "name": .string(row.asset.name), "kind": .string(row.asset.kind), "country": .string(row.asset.country),
                    "lon": .number(row.asset.position.lon), "lat": .number(row.asset.position.lat),
                    "source": .string(row.asset.source), "in_region": .bool(row.inRegion),
                    "covered": .array(row.cover.map { .object(["layout": .string($0.layout), "target_alt_m": .number($0.targetAltitudeM),
                                                               "covered": .bool($0.covered)]) })]
                o["nearest_exposed_frontier"] = row.nearest.map { .string($0.neighbour) } ?? .null
                o["nearest_exposed_frontier_km"] = row.nearest.map { .number($0.distanceM / 1000) } ?? .null
                o["exposed_frontier_distances"] = .array(row.exposures.map {
                    .object(["neighbour": .string($0.neighbour), "distance_km": .number($0.distanceM / 1000),
                             "nearest_point": .array([.number($0.point.lon), .number($0.point.lat)])])
                })
                o["warning_min"] = .array(c.inputs.threatSpeeds.map { s in
                    .object(["threat_speed_kmh": .number(s.kmh), "label": .string(s.label),
                             "minutes": row.nearest.map { .number(s.minutes(forM: $0.distanceM)) } ?? .null])
                })
                return .object(o)
            }
            let detection: [JSONValue] = a.detection.map {
                .object(["layout": .string($0.layout), "target_alt_m": .number($0.targetAltitudeM),
                         "median_km": .number($0.depth.medianM / 1000), "min_km": .number($0.depth.minM / 1000),
                         "max_km": .number($0.depth.maxM / 1000), "seeing_share_pct": .number($0.depth.seeingSharePct),
                         "station_spacing_km": .number($0.depth.spacingM / 1000)])
            }
            perimeters.append(.object(["perimeter": .string(a.perimeter), "protected_region": .string(a.region),
                                       "assets": .array(rows), "detection_depth": .array(detection)]))
        }
        return .object([
            "source": .string(ProtectedAsset.file),
            "method": .string("covered: the asset's point inside the layout's coverage union at that altitude; nearest exposed frontier: exact WGS84 geodesic distance to the nearest point of each exposed neighbour's frontier (edges as geodesics); warning: that distance over the threat speed; detection depth: geodesic distance beyond the forward line, outwards, over which the coverage is continuous, at stations every 2 km"),
            "kyiv": .string(kyivNote),
            "perimeters": .array(perimeters)])
    }

    /// The plain sentences of the headline: assets covered, worst warning and from where.
    public static func headline(_ c: Comparison) -> [String] {
        guard let alt = c.inputs.targetAltitudesM.min(), !c.assets.isEmpty else { return [] }
        var out: [String] = []
        for a in c.assets {
            let inside = a.rows.filter(\.inRegion)
            // The headline layout is the continuous belt when there is one, else the nominal layout.
            let layout = inside.contains { $0.cover.contains { $0.layout == "belt" } } ? "belt" : "nominal"
            let covered = inside.filter { r in r.cover.contains { $0.layout == layout && $0.targetAltitudeM == alt && $0.covered } }
            let names = covered.map(\.asset.name)
            var s = "\(a.perimeter): \(covered.count) of the \(inside.count) assets inside its region (\(a.region)) covered at \(Comparison.fmt(alt)) m by the \(layout == "belt" ? "continuous belt" : "nominal layout")"
            s += names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"
            let outside = a.rows.count - inside.count
            if outside > 0 { s += "; \(outside) of the \(a.rows.count) listed \(outside == 1 ? "lies" : "lie") outside it" }
            if let w = a.worst, let n = w.nearest {
                let times = c.inputs.threatSpeeds.map { "\(minutes(n.distanceM, $0)) min at \(Comparison.fmt($0.kmh)) km/h" }.joined(separator: ", ")
                s += "; worst warning: \(w.asset.name), \(km(n.distanceM)) km from the \(frontierName(n)) — \(times)"
            }
            out.append(s + ".")
        }
        return out
    }

    static func frontierName(_ e: AssetAssessment.Exposure) -> String {
        switch e.neighbour {
        case "sea": return "sea (coast)"
        case "UA-east": return "Dnipro line (UA-east)"
        default: return "\(e.neighbour) border"
        }
    }

    /// The assets section of comparison.md: one table per perimeter, the detection depth, the Kyiv note.
    public static func markdown(_ c: Comparison) -> String {
        guard !c.assets.isEmpty, c.assets.contains(where: { !$0.rows.isEmpty }) else { return "" }
        let speeds = c.inputs.threatSpeeds
        var s = "\n## Assets\n\n" + headline(c).map { "- \($0)" }.joined(separator: "\n") + "\n"
        for a in c.assets {
            let layers = a.rows.first?.cover.map { "\($0.layout) @ \(Comparison.fmt($0.targetAltitudeM)) m" } ?? []
            let classes = Array(Set(a.rows.flatMap { $0.exposures.map(\.neighbour) })).sorted()
            s += "\n### \(a.perimeter) — protected region \(a.region)\n\n"
            s += "| asset | kind | in region | " + layers.map { "covered (\($0))" }.joined(separator: " | ")
                + " | nearest exposed frontier | distance_km | " + speeds.map { "warning_min @ \(Comparison.fmt($0.kmh)) km/h" }.joined(separator: " | ")
                + (classes.isEmpty ? "" : " | " + classes.map { "to \($0) km" }.joined(separator: " | ")) + " |\n"
            s += "|---|---|---|" + layers.map { _ in "---|" }.joined() + "---|---:|" + speeds.map { _ in "---:|" }.joined()
                + classes.map { _ in "---:|" }.joined() + "\n"
            for r in a.rows {
                var cells = [r.asset.name, r.asset.kind, r.inRegion ? "yes" : "no"]
                cells += r.cover.map { $0.covered ? "covered" : "not covered" }
                if let n = r.nearest {
                    cells += [n.neighbour, km(n.distanceM)] + speeds.map { minutes(n.distanceM, $0) }
                } else {
                    cells += ["— (outside the region)", "—"] + speeds.map { _ in "—" }
                }
                cells += classes.map { k in r.exposures.first { $0.neighbour == k }.map { km($0.distanceM) } ?? "—" }
                s += "| " + cells.joined(separator: " | ") + " |\n"
            }
            if !a.detection.isEmpty {
                s += "\nDetection depth beyond the forward line (stations every \(km(a.detection[0].depth.spacingM)) km): "
                s += a.detection.map { d in
                    "\(d.layout) @ \(Comparison.fmt(d.targetAltitudeM)) m median \(km(d.depth.medianM)) km, max \(km(d.depth.maxM)) km, "
                        + String(format: "%.1f", d.depth.seeingSharePct) + " % of the line sees beyond it"
                }.joined(separator: "; ") + ".\n"
            }
        }
        s += "\nAsset coordinates and their sources: `GeoData/assets.geojson` (each feature's `source`). " + kyivNote
            + " Warning time = geodesic distance to the nearest exposed frontier / threat speed.\n"
        return s
    }

    /// The map layers: one point per asset, covered (at the lowest target altitude, by any perimeter's layout) or not.
    public static func mapLayers(_ c: Comparison) -> [MapLayer] {
        guard let alt = c.inputs.targetAltitudesM.min(), let first = c.assets.first else { return [] }
        var covered: [Feature] = [], uncovered: [Feature] = []
        for (i, row) in first.rows.enumerated() {
            let by = c.assets.filter { a in i < a.rows.count && a.rows[i].cover.contains { $0.targetAltitudeM == alt && $0.covered } }.map(\.perimeter)
            let f = Feature(geometry: .point(Position(row.asset.position)), properties: [
                "name": .string(row.asset.name), "role": "asset", "kind": .string(row.asset.kind),
                "covered_by": .string(by.isEmpty ? "none" : by.joined(separator: ", ")), "target_alt_m": .number(alt)])
            if by.isEmpty { uncovered.append(f) } else { covered.append(f) }
        }
        let a = Comparison.fmt(alt)
        return [
            MapLayer(name: "assets_covered", role: .places, collection: FeatureCollection(features: covered),
                     style: MapStyle(fill: nil, stroke: "#ffffff", strokeWidth: 1.2, pointRadius: 5, pointFill: "#1a9641"),
                     legendLabel: "Assets covered at \(a) m (by either perimeter)", fitsExtent: false),
            MapLayer(name: "assets_not_covered", role: .places, collection: FeatureCollection(features: uncovered),
                     style: MapStyle(fill: nil, stroke: "#ffffff", strokeWidth: 1.2, pointRadius: 5, pointFill: "#d7191c"),
                     legendLabel: "Assets not covered at \(a) m", fitsExtent: false),
        ]
    }
}
