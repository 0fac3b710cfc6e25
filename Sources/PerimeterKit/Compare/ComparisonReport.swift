import Foundation
import GeoJSON
import GeometryCore
import FileIO

/// Renders a `Comparison`: GeoJSON layers, `comparison.json`, `comparison.md` and the stdout table.
public struct ComparisonReport: Sendable {
    public var comparison: Comparison

    public init(_ comparison: Comparison) { self.comparison = comparison }

    /// Names of the layer files, in writing order: `coverage_<alt>m` holds the continuous belts (the
    /// headline), `coverage_nominal_<alt>m` the nominal-range layout's coverage.
    public var layerFileNames: [String] {
        let alts = comparison.inputs.targetAltitudesM
        return ["lines.geojson", "regions.geojson", "frontier.geojson", "sites.geojson"]
            + alts.map { Self.coverageFileName($0) } + alts.map { Self.coverageFileName($0, nominal: true) } + ["gaps.geojson"]
            + (comparison.engagements == nil ? [] : [EngagementReport.layerFileName])
            + (comparison.assets.isEmpty ? [] : [AssetReport.layerFileName])
    }

    /// `coverage_100m.geojson` (belts) or `coverage_nominal_100m.geojson`.
    public static func coverageFileName(_ altitudeM: Double, nominal: Bool = false) -> String {
        "coverage_\(nominal ? "nominal_" : "")\(Comparison.fmt(altitudeM))m.geojson"
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
    /// coverage, in `layer` (`coverage_union`): ``MapLayerRole/init(tag:)`` reads both. Sites, coverage and gaps
    /// carry `layout` (`belt` or `nominal`) and `target_alt_m` (null for nominal sites); every site carries
    /// `perimeter`, `profile` and `effective_radius_km` (for nominal sites the nominal range R it is spaced for).
    public func layers() throws -> [(String, FeatureCollection)] {
        let ctx = GEOSContext()
        var lines: [Feature] = [], regions: [Feature] = [], frontier: [Feature] = [], sites: [Feature] = [], gaps: [Feature] = []
        let alts = comparison.inputs.targetAltitudesM
        var beltCoverage = Array(repeating: [Feature](), count: alts.count)
        var nominalCoverage = Array(repeating: [Feature](), count: alts.count)
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
            sites += Self.beltSiteFeatures(r)
            sites += Self.nominalSiteFeatures(r, profile: comparison.inputs.profile)
            for (i, c) in r.coverages.enumerated() {
                for b in r.belts(atAltitude: c.targetAltitudeM) {
                    gaps += Self.gapFeatures(b.coverage.ofLine, perimeter: name, layout: "belt", profile: b.profile.name, altitudeM: b.targetAltitudeM)
                    guard !b.sites.isEmpty else { continue }
                    var p = b.coverage.coverage.unionProperties
                    p["perimeter"] = .string(name)
                    p["layout"] = "belt"
                    p["profile"] = .string(b.profile.name)
                    p["target_alt_m"] = .number(b.targetAltitudeM)
                    p["radius_km"] = .number(b.radiusM / 1000)
                    p["radar_horizon_km"] = .number(b.horizonM / 1000)
                    p["sites"] = .integer(b.sites.count)
                    beltCoverage[i].append(Feature(geometry: try GeoJSONGeometry(try b.coverage.coverage.union(context: ctx)), properties: p))
                }
                guard !c.coverage.circles.isEmpty else { continue }
                var p = c.coverage.unionProperties
                p["perimeter"] = .string(name)
                p["layout"] = "nominal"
                p["profile"] = .string(comparison.inputs.profile.name)
                p["target_alt_m"] = .number(c.targetAltitudeM)
                p["radius_km"] = .number(c.radiusM / 1000)
                p["radar_horizon_km"] = .number(c.horizonM / 1000)
                nominalCoverage[i].append(Feature(geometry: try GeoJSONGeometry(try c.coverage.union(context: ctx)), properties: p))
                gaps += Self.gapFeatures(c.ofLine, perimeter: name, layout: "nominal", profile: comparison.inputs.profile.name,
                                         altitudeM: c.targetAltitudeM)
            }
        }
        if let split = comparison.ukraineSplit {
            for (part, wkb, area) in [("UA-west", split.westWKB, split.westAreaM2), ("UA-east", split.eastWKB, split.eastAreaM2)] {
                regions.append(Feature(geometry: try GeoJSONGeometry(try Geometry(wkb: wkb, context: ctx)), properties: [
                    "role": "ukraine_split_part", "name": .string(part), "area_km2": .number(area / 1e6)]))
            }
        }
        var out: [(String, FeatureCollection)] = [("lines.geojson", .init(features: lines)), ("regions.geojson", .init(features: regions)),
                                                  ("frontier.geojson", .init(features: frontier)), ("sites.geojson", .init(features: sites))]
        for (i, a) in alts.enumerated() { out.append((Self.coverageFileName(a), .init(features: beltCoverage[i]))) }
        for (i, a) in alts.enumerated() { out.append((Self.coverageFileName(a, nominal: true), .init(features: nominalCoverage[i]))) }
        out.append(("gaps.geojson", .init(features: gaps)))
        if let e = comparison.engagements { out.append((EngagementReport.layerFileName, EngagementReport.layer(e))) }
        if !comparison.assets.isEmpty { out.append((AssetReport.layerFileName, AssetReport.layer(comparison))) }
        return out
    }

    /// Every belt site: one Point per perimeter × system × altitude × site.
    static func beltSiteFeatures(_ r: PerimeterResult) -> [Feature] {
        var out: [Feature] = []
        for b in r.belts {
            for (k, s) in b.sites.enumerated() {
                var p: JSONObject = [
                    "perimeter": .string(r.line.name), "role": "site", "layout": "belt", "profile": .string(b.profile.name),
                    "target_alt_m": .number(b.targetAltitudeM), "effective_radius_km": .number(b.radiusM / 1000),
                    "site": .integer(k + 1), "sites": .integer(b.sites.count), "part": .integer(s.part + 1),
                    "distance_along_km": .number(s.distanceAlongM / 1000), "range_km": .number(b.profile.rangeKm),
                    "standoff_km": .number(r.layout.standoffM / 1000)]
                if let c = b.profile.cost { p["cost_usd_m"] = .number(c.usdMillion) }
                out.append(Feature(geometry: .point(Position(s.position)), properties: p))
            }
        }
        return out
    }

    /// The nominal layout's sites (`target_alt_m` null: the same sites serve every altitude).
    static func nominalSiteFeatures(_ r: PerimeterResult, profile: SystemProfile) -> [Feature] {
        var out: [Feature] = []
        var index = 0
        for (pi, part) in r.layout.parts.enumerated() {
            for s in part.sites {
                index += 1
                out.append(Feature(geometry: .point(Position(s.position)), properties: [
                    "perimeter": .string(r.line.name), "role": "site", "layout": "nominal", "profile": .string(profile.name),
                    "target_alt_m": .null, "effective_radius_km": .number(r.layout.belt.rangeM / 1000),
                    "site": .integer(index), "part": .integer(pi + 1),
                    "distance_along_km": .number(s.distanceM / 1000), "moved_km": .number(s.movedM / 1000),
                    "range_km": .number(r.layout.belt.rangeM / 1000),
                    "spacing_km": .number(r.layout.belt.spacingM / 1000), "standoff_km": .number(r.layout.standoffM / 1000)]))
            }
        }
        return out
    }

    /// The uncovered stretches of a forward line as LineStrings.
    static func gapFeatures(_ ofLine: CoverageOfLine, perimeter: String, layout: String, profile: String, altitudeM: Double) -> [Feature] {
        ofLine.gaps.enumerated().map { gi, g in
            Feature(geometry: .lineString(g.line.map { Position($0) }), properties: [
                "perimeter": .string(perimeter), "role": "gap", "layout": .string(layout), "profile": .string(profile),
                "target_alt_m": .number(altitudeM), "gap": .integer(gi + 1), "length_km": .number(g.lengthM / 1000)])
        }
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
                "figures": .object(figures), "belts": .array(r.belts.map(Self.beltJSON)), "frontier": .array(frontier),
                "gaps": .array(gaps)]))
        }
        var top = JSONObject()
        top["headline"] = .array(ComparisonHeadline.sentences(comparison).map { .string($0) })
        top["inputs"] = .object(comparison.inputs.json(geoDataFiles: comparison.geoDataFiles))
        if let s = comparison.ukraineSplit {
            func q(_ v: Double) -> JSONValue { .object(["value": .number(v / 1e6), "unit": "km2"]) }
            top["ukraine_split"] = .object(["west_area": q(s.westAreaM2), "east_area": q(s.eastAreaM2),
                                            "ukraine_area": q(s.ukraineAreaM2), "pieces": .integer(s.pieceCount)])
        }
        top["perimeters"] = .array(perimeters)
        if let e = comparison.engagements { top["engagements"] = EngagementReport.json(e) }
        top["warnings"] = .array(comparison.warnings.map(\.json))
        if !comparison.assets.isEmpty { top["assets"] = AssetReport.json(comparison) }
        top["notes"] = .array((comparison.notes + Self.standingNotes).map { .string($0) })
        return .object(top)
    }

    /// One belt in comparison.json: system, altitude, effective radius, sites (lon/lat), spacing, coverage,
    /// cost and the placement's verification, every number with its unit.
    static func beltJSON(_ b: ContinuousBelt) -> JSONValue {
        func q(_ v: Double, _ unit: String) -> JSONValue { .object(["value": .number(v), "unit": .string(unit)]) }
        var o = JSONObject()
        o["layout"] = "belt"
        o["profile"] = .string(b.profile.name)
        o["layer"] = .integer(b.layer + 1)
        o["target_alt_m"] = .number(b.targetAltitudeM)
        o["effective_radius"] = q(b.radiusM / 1000, "km")
        o["radar_horizon"] = q(b.horizonM / 1000, "km")
        o["range"] = q(b.profile.rangeKm, "km")
        o["site_count"] = .object(["value": .integer(b.sites.count), "unit": "count"])
        o["sites"] = .array(b.sites.map { .array([.number($0.position.lon), .number($0.position.lat)]) })
        o["spacing_mean"] = q(b.meanSpacingM / 1000, "km")
        o["spacing_max"] = q(b.maxSpacingM / 1000, "km")
        o["line_covered"] = q(b.coverage.ofLine.sharePct, "pct")
        o["line_out_of_reach"] = q(b.unreachableM / 1000, "km")
        o["region_covered_area"] = q(b.coverage.regionCoveredM2 / 1e6, "km2")
        o["continuous"] = .bool(b.isContinuous)
        o["cost"] = b.profile.cost.map { c in
            .object(["value": .number(Double(b.sites.count) * c.usdMillion), "low": .number(Double(b.sites.count) * c.lowUSDMillion),
                     "high": .number(Double(b.sites.count) * c.highUSDMillion), "unit": "USD M",
                     "per_fire_unit": .number(c.usdMillion), "source": .string(c.source)])
        } ?? .null
        o["placement"] = .object([
            "method": "greedy along the line (longest unbroken run of covered samples), then redundant sites dropped",
            "greedy_site_count": .integer(b.greedyCount),
            "line_sample_spacing": q(b.sampleSpacingM, "m"), "covering_distance": q(b.reachM / 1000, "km"),
            "worst_sample_distance": q(b.worstSampleDistanceM / 1000, "km"),
            "candidate_spacing": q(1000, "m")])
        return .object(o)
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
        "The continuous belt per altitude is the fewest sites on friendly ground at the standoff whose geodesic circles of radius r = min(R, radar horizon) cover the whole forward line: greedy along the line, then redundant sites dropped; verified by the exact geodesic distance of every 0.5 km sample of the line to its nearest site (within r − 0.25 km − tolerance).",
        "The nominal layout (a labelled variant) is spaced for the nominal range R (spacing 2√(R²−w²)); against low targets its circles shrink to the radar horizon, which is where its gaps come from.",
        "Costs are notional: sites × a public cost per fire unit (GeoData/profiles.json: figure, range and sources), nominal USD; not prices.",
        "'sea' is a stretch of boundary with no GeoData country within 500 m that runs within 2 km of the GSHHG shoreline (GeoData/coast.geojson: the coast, lagoon and estuary shores included); a stretch farther than 500 m from every neighbour's DCW outline and off the coast goes to the nearest neighbour within 10 km (figure 'frontier handed to the nearest neighbour'), else faces 'inland' water.",
        "Regions of several countries are merged without the sliver holes DCW's separately digitised outlines leave along shared borders (figure 'sliver holes filled by the merge').",
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
        case "km2", "USD M": return String(format: "%.0f", f.value)
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
        let headline = ComparisonHeadline.sentences(comparison)
        var s = "# Perimeter comparison\n\n" + headline.joined(separator: "\n") + (headline.isEmpty ? "" : "\n\n")
        if !comparison.warnings.isEmpty {
            s += "**Warnings**\n\n" + comparison.warnings.map { "- ⚠ \($0.message)" }.joined(separator: "\n") + "\n\n"
        }
        s += "\(header)\n\n| figure | unit | \(names.joined(separator: " | ")) |\n|---|---|\(names.map { _ in "---:|" }.joined())\n"
        for r in rows() { s += "| \(r.label) | \(r.unit) | \(r.values.joined(separator: " | ")) |\n" }
        if let e = comparison.engagements { s += "\n" + EngagementReport.summaryLine(e) + "\n\n" + Engagements.definition + "\n" }
        s += AssetReport.markdown(comparison)
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
        // The warnings go to stderr (the command writes them), not into the table.
        var out = ComparisonHeadline.sentences(comparison).map { $0 + "\n" }.joined()
        out += header + "\n" + pad("figure", w0) + "  " + pad("unit", w1) + names.map { "  " + pad($0, wv, right: true) }.joined() + "\n"
        for r in rows { out += pad(r.label, w0) + "  " + pad(r.unit, w1) + r.values.map { "  " + pad($0, wv, right: true) }.joined() + "\n" }
        if let e = comparison.engagements { out += EngagementReport.summaryLine(e) + "\n" }
        for n in comparison.notes + (comparison.engagements?.notes ?? []) { out += "note: \(n)\n" }
        return out
    }
}
