import Foundation
import GeoJSON
import GeometryCore
import FileIO

/// Renders a `Comparison`: GeoJSON layers, `comparison.json`, `comparison.md` and the stdout table.
public struct ComparisonReport: Sendable {
    public var comparison: Comparison

    public init(_ comparison: Comparison) { self.comparison = comparison }

    /// Names of the layer files, in writing order.
    public var layerFileNames: [String] {
        ["lines.geojson", "regions.geojson", "frontier.geojson", "sites.geojson"]
            + comparison.inputs.targetAltitudesM.map { "coverage_\(Comparison.fmt($0))m.geojson" } + ["gaps.geojson"]
            + (comparison.engagements == nil ? [] : [EngagementReport.layerFileName])
    }

    /// Writes every layer, `comparison.json` and `comparison.md` into `directory` (created if
    /// needed), each atomically. Returns the paths written. `comparison.json` is made first, so a figure
    /// it refuses (NaN, ±∞) stops the report before anything is written.
    @discardableResult
    public func write(to directory: String) throws -> [String] {
        let json = try json()
        do throws(FileWriteError) {
            try OutputDirectory.create(directory)
        } catch {
            throw DomainError.invalidInput(source: directory, message: "cannot create the folder: \(error.reason)")
        }
        func path(_ n: String) -> String { (directory as NSString).appendingPathComponent(n) }
        var written: [String] = []
        for (name, fc) in try layers() {
            try GeoJSONWriter().write(fc, to: path(name))
            written.append(path(name))
        }
        do throws(FileWriteError) {
            try AtomicFileWriter.write(json, to: path("comparison.json"))
            try AtomicFileWriter.write(Data(markdown().utf8), to: path("comparison.md"))
            if let e = comparison.engagements {
                try AtomicFileWriter.write(Data(EngagementReport.csv(e).utf8), to: path(EngagementReport.csvFileName))
                written.append(path(EngagementReport.csvFileName))
            }
        } catch {
            throw DomainError.invalidInput(source: directory, message: "cannot write: \(error.reason)")
        }
        written += [path("comparison.json"), path("comparison.md")]
        return written
    }

    // MARK: - Layers

    /// One FeatureCollection per layer, keyed by file name. Every feature carries its map role in `role`
    /// (`forward_line`, `site_line`, `protected_region`, `ukraine_split_part`, `frontier`, `site`, `gap`) or, for
    /// coverage, in `layer` (`coverage_union`): ``MapLayerRole/init(tag:)`` reads both.
    public func layers() throws -> [(String, FeatureCollection)] {
        let ctx = GEOSContext()
        var lines: [Feature] = [], regions: [Feature] = [], frontier: [Feature] = [], sites: [Feature] = [], gaps: [Feature] = []
        var coverage = Array(repeating: [Feature](), count: comparison.inputs.targetAltitudesM.count)
        func line(_ parts: [[Coordinate]]) -> GeoJSONGeometry {
            parts.count == 1 ? .lineString(parts[0].map { Position($0) }) : .multiLineString(parts.map { $0.map { Position($0) } })
        }
        for r in comparison.perimeters {
            let name = r.line.name
            lines.append(Feature(geometry: line(r.line.parts), properties: [
                "perimeter": .string(name), "role": "forward_line", "source": .string(r.line.source),
                "length_km": .number(r.line.lengthM / 1000)]))
            lines.append(Feature(geometry: line(r.layout.parts.map(\.line)), properties: [
                "perimeter": .string(name), "role": "site_line", "standoff_km": .number(r.layout.standoffM / 1000),
                "length_km": .number(r.layout.lineLengthM / 1000), "projection": .string(r.layout.projectionDefinition),
                "projection_max_scale_error_pct": .number(r.layout.projectionMaxScaleErrorPct)]))
            regions.append(Feature(geometry: try GeoJSONGeometry(try r.region.geometry(context: ctx)), properties: [
                "perimeter": .string(name), "role": "protected_region", "name": .string(r.region.name),
                "members": .array(r.region.members.map { .string($0) }), "area_km2": .number(r.region.areaM2 / 1e6)]))
            for s in r.frontier.segments {
                frontier.append(Feature(geometry: try GeoJSONGeometry(try Geometry(wkb: s.wkb, context: ctx)), properties: [
                    "perimeter": .string(name), "role": "frontier", "neighbour": .string(s.neighbour), "name": .string(s.name),
                    "facing": .string(s.facing.rawValue), "allied": .bool(s.allied), "exposed": .bool(s.exposed),
                    "length_km": .number(s.lengthM / 1000)]))
            }
            var index = 0
            for (pi, part) in r.layout.parts.enumerated() {
                for s in part.sites {
                    index += 1
                    sites.append(Feature(geometry: .point(Position(s.position)), properties: [
                        "perimeter": .string(name), "role": "site", "site": .integer(index), "part": .integer(pi + 1),
                        "distance_along_km": .number(s.distanceM / 1000), "range_km": .number(r.layout.belt.rangeM / 1000),
                        "spacing_km": .number(r.layout.belt.spacingM / 1000), "standoff_km": .number(r.layout.standoffM / 1000)]))
                }
            }
            for (i, c) in r.coverages.enumerated() {
                var p = c.coverage.unionProperties
                p["perimeter"] = .string(name)
                p["target_alt_m"] = .number(c.targetAltitudeM)
                p["radius_km"] = .number(c.radiusM / 1000)
                p["radar_horizon_km"] = .number(c.horizonM / 1000)
                coverage[i].append(Feature(geometry: try GeoJSONGeometry(try c.coverage.union(context: ctx)), properties: p))
                for (gi, g) in c.ofLine.gaps.enumerated() {
                    gaps.append(Feature(geometry: .lineString(g.line.map { Position($0) }), properties: [
                        "perimeter": .string(name), "role": "gap", "target_alt_m": .number(c.targetAltitudeM), "gap": .integer(gi + 1),
                        "length_km": .number(g.lengthM / 1000)]))
                }
            }
        }
        if let split = comparison.ukraineSplit {
            for (part, wkb, area) in [("UA-west", split.westWKB, split.westAreaM2), ("UA-east", split.eastWKB, split.eastAreaM2)] {
                regions.append(Feature(geometry: try GeoJSONGeometry(try Geometry(wkb: wkb, context: ctx)), properties: [
                    "role": "ukraine_split_part", "name": .string(part), "area_km2": .number(area / 1e6)]))
            }
        }
        let names = layerFileNames
        var out: [(String, FeatureCollection)] = [(names[0], .init(features: lines)), (names[1], .init(features: regions)),
                                                  (names[2], .init(features: frontier)), (names[3], .init(features: sites))]
        for (i, c) in coverage.enumerated() { out.append((names[4 + i], .init(features: c))) }
        out.append((names[4 + coverage.count], .init(features: gaps)))
        if let e = comparison.engagements { out.append((EngagementReport.layerFileName, EngagementReport.layer(e))) }
        return out
    }

    // MARK: - comparison.json

    /// The machine-readable result: `inputs` (every parameter and GeoData file), one entry per
    /// perimeter with `figures` (each `{label, value, unit, inputs}`), frontier segments and gaps.
    public func jsonValue() -> JSONValue {
        var perimeters: [JSONValue] = []
        for r in comparison.perimeters {
            var figures = JSONObject()
            for (k, f) in r.figures { figures[k] = f.json }
            let frontier: [JSONValue] = r.frontier.segments.map { s in
                .object(["neighbour": .string(s.neighbour), "name": .string(s.name), "facing": .string(s.facing.rawValue),
                         "allied": .bool(s.allied), "exposed": .bool(s.exposed),
                         "length": .object(["value": .number(s.lengthM / 1000), "unit": "km"])])
            }
            let gaps: [JSONValue] = r.coverages.map { c in
                .object(["target_alt_m": .number(c.targetAltitudeM),
                         "gaps_km": .array(c.ofLine.gaps.map { .number($0.lengthM / 1000) })])
            }
            perimeters.append(.object([
                "name": .string(r.line.name), "forward_line_source": .string(r.line.source),
                "protected_region": .string(r.region.name), "projection": .string(r.layout.projectionDefinition),
                "figures": .object(figures), "frontier": .array(frontier), "gaps": .array(gaps)]))
        }
        var top = JSONObject()
        top["inputs"] = .object(comparison.inputs.json(geoDataFiles: comparison.geoDataFiles))
        if let s = comparison.ukraineSplit {
            func q(_ v: Double) -> JSONValue { .object(["value": .number(v / 1e6), "unit": "km2"]) }
            top["ukraine_split"] = .object(["west_area": q(s.westAreaM2), "east_area": q(s.eastAreaM2),
                                            "ukraine_area": q(s.ukraineAreaM2), "pieces": .integer(s.pieceCount)])
        }
        top["perimeters"] = .array(perimeters)
        if let e = comparison.engagements { top["engagements"] = EngagementReport.json(e) }
        top["notes"] = .array((comparison.notes + Self.standingNotes).map { .string($0) })
        return .object(top)
    }

    /// `comparison.json` as UTF-8 text, members in report order. A figure JSON cannot hold (NaN, ±∞) is
    /// refused: `comparison.json: perimeters[0].figures.depth_km.value: nan cannot be written as JSON`.
    public func json() throws -> Data { try Self.json(jsonValue()) }

    /// `value` as the text of `comparison.json` (``JSONTextWriter``'s report layout and round-trip
    /// numbers, a final newline).
    static func json(_ value: JSONValue) throws -> Data {
        do throws(JSONNumberError) {
            return Data((try JSONTextWriter.text(value, layout: .report, numbers: .roundTrip) + "\n").utf8)
        } catch {
            throw DomainError.invalidInput(source: "comparison.json", message: error.description)
        }
    }

    static let standingNotes = [
        "Lengths and areas are geodesic on WGS84; offsets, buffers and nearest points use a local azimuthal equidistant projection (scale error stated per perimeter).",
        "Borders and coasts are DCW 1:1M generalisations: lengths are shorter than published figures (GeoData/README.md).",
        "Profiles are notional; ranges from public statements, radar heights are assumptions (GeoData/profiles.json).",
        "Radar horizon: smooth Earth, k = 4/3; terrain masking is ignored.",
        "Sites are laid out for the nominal range R (spacing 2√(R²−w²)); against low targets the circles shrink to the radar horizon, which is where the gaps come from.",
        "'sea' is every stretch of boundary with no GeoData country within 500 m: the coast, lagoon and estuary shores included.",
        "Forward lines given with --line protect Poland (region PL).",
    ]

    // MARK: - Tables

    /// The comparison as rows: label, unit, one value per perimeter (blank when absent).
    public func rows() -> [(label: String, unit: String, values: [String])] {
        var keys: [String] = []
        var labels: [String: (String, String)] = [:]
        for r in comparison.perimeters {
            var previous: String?
            for (k, f) in r.figures {
                if labels[k] == nil {
                    let at = previous.flatMap { keys.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                    keys.insert(k, at: at)
                    labels[k] = (f.label, f.unit)
                }
                previous = k
            }
        }
        return keys.map { k in
            let values = comparison.perimeters.map { r -> String in
                guard let f = r.figures.first(where: { $0.key == k })?.figure else { return "" }
                return Self.format(f)
            }
            return (labels[k]!.0, labels[k]!.1, values)
        }
    }

    static func format(_ f: Figure) -> String {
        switch f.unit {
        case "count": return String(Int(f.value))
        case "pct": return String(format: f.value < 1 ? "%.3f" : "%.1f", f.value)
        case "m", "km/h": return String(format: "%.0f", f.value)
        case "km2": return String(format: "%.0f", f.value)
        default: return String(format: "%.1f", f.value)
        }
    }

    /// Header line naming the profile and main parameters.
    var header: String {
        let i = comparison.inputs
        return "profile \(i.profile.name): R = \(Comparison.fmt(i.profile.rangeKm)) km, radar \(Comparison.fmt(i.profile.radarHeightM)) m, "
            + "w = \(Comparison.fmt(i.halfWidthKm)) km, standoff \(Comparison.fmt(i.standoffKm)) km, circles ±\(Comparison.fmt(i.toleranceM)) m"
    }

    /// The markdown table (comparison.md).
    public func markdown() -> String {
        let names = comparison.perimeters.map(\.line.name)
        var s = "# Perimeter comparison\n\n\(header)\n\n| figure | unit | \(names.joined(separator: " | ")) |\n|---|---|\(names.map { _ in "---:|" }.joined())\n"
        for r in rows() { s += "| \(r.label) | \(r.unit) | \(r.values.joined(separator: " | ")) |\n" }
        if let e = comparison.engagements { s += "\n" + EngagementReport.summaryLine(e) + "\n\n" + Engagements.definition + "\n" }
        s += "\n" + (comparison.notes + (comparison.engagements?.notes ?? []) + Self.standingNotes).map { "- \($0)" }.joined(separator: "\n") + "\n"
        return s
    }

    /// The same table as fixed-width text for a terminal.
    public func text() -> String {
        let names = comparison.perimeters.map(\.line.name)
        let rows = rows()
        let w0 = max(6, rows.map { $0.label.count }.max() ?? 0), w1 = 5
        let wv = max(12, names.map(\.count).max() ?? 0)
        func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
            let p = String(repeating: " ", count: max(0, w - s.count)); return right ? p + s : s + p
        }
        var out = header + "\n" + pad("figure", w0) + "  " + pad("unit", w1) + names.map { "  " + pad($0, wv, right: true) }.joined() + "\n"
        for r in rows { out += pad(r.label, w0) + "  " + pad(r.unit, w1) + r.values.map { "  " + pad($0, wv, right: true) }.joined() + "\n" }
        if let e = comparison.engagements { out += EngagementReport.summaryLine(e) + "\n" }
        for n in comparison.notes + (comparison.engagements?.notes ?? []) { out += "note: \(n)\n" }
        return out
    }
}
