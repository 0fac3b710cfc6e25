import Foundation
import GeoJSON
import GeometryCore

/// The perimeter comparison: for each forward line (the Polish border, the Dnipro, user
/// lines) the protected region, exposed frontier, sites, coverage per target altitude, gaps and
/// warning depth, each figure with its unit and inputs.
public struct Comparison: Sendable {
    public var inputs: ComparisonInputs
    public var perimeters: [PerimeterResult]
    /// Ukraine split by the Dnipro (present when the `dnipro` perimeter was compared).
    public var ukraineSplit: UkraineSplit?
    /// GeoData files read.
    public var geoDataFiles: [String]
    /// Caveats that apply to this run (missing countries, approximations).
    public var notes: [String]
    /// Tracks against each perimeter's coverage before NATO entry (with `inputs.tracks`).
    public var engagements: Engagements?

    /// Runs the comparison. `progress` gets one step per perimeter stage.
    public static func run(_ inputs: ComparisonInputs, progress: ProgressSink? = nil) throws -> Comparison {
        try inputs.validate()
        // Read the tracks once first: a bad file fails before any work.
        _ = try inputs.tracks?.check()
        let geo = try CompareGeoData.load(directory: inputs.geoDataDirectory)
        let ctx = GEOSContext()
        let projContext = ProjContext()
        func countryGeometry(_ code: String) throws -> Geometry {
            guard let c = geo.country(code) else {
                throw DomainError.invalidInput(source: GeoDataLocator.file(CompareGeoData.countriesFile, in: geo.directory),
                                               message: "no country with iso2 \(code)")
            }
            return try c.geometry.geosGeometry(context: ctx)
        }
        var notes: [String] = []
        let missingAllies = inputs.allied.filter { $0 != "UA-west" && geo.country($0) == nil }
        if !missingAllies.isEmpty {
            notes.append("allied countries without a polygon in GeoData (their borders count as 'sea'): \(missingAllies.joined(separator: ", "))")
        }
        let poland = try countryGeometry("PL")
        var lines: [DefenseLine] = []
        for p in inputs.perimeters {
            lines.append(p == "dnipro" ? DefenseLine.dnipro(geoData: geo) : try DefenseLine.polishBorder(segments: inputs.segments, geoData: geo))
        }
        for path in inputs.userLines { lines.append(try DefenseLine.user(path: path)) }

        var split: UkraineSplit?
        if inputs.perimeters.contains("dnipro") {
            split = try UkraineSplit.split(
                ukraine: try countryGeometry("UA"), river: try DefenseLine.dnipro(geoData: geo).geometry(context: ctx),
                westReference: try geo.place("Lviv"), eastReference: try geo.place("Kharkiv"))
        }
        guard let plUA = geo.border("PL", "UA") else {
            throw DomainError.invalidInput(source: GeoDataLocator.file(CompareGeoData.bordersFile, in: geo.directory), message: "no PL-UA border")
        }
        let belt = try BeltLayout(rangeM: inputs.profile.rangeKm * 1000, halfWidthM: inputs.halfWidthKm * 1000)
        let totalSteps = lines.count * (3 + inputs.targetAltitudesM.count)
        var step = 0
        func advance() { step += 1; progress?(step, totalSteps, "steps") }

        var results: [PerimeterResult] = []
        for line in lines {
            let isDnipro = line.name == "dnipro" && line.source.hasPrefix(CompareGeoData.dniproFile)
            // Protected region and what its boundary faces.
            var neighbours: [(code: String, name: String, facing: ExposedFrontier.Facing, geometry: Geometry)] = []
            let region: ProtectedRegion
            var allied = Set(inputs.allied)
            if isDnipro, let split {
                region = try ProtectedRegion.union(name: "PL+UA-west", members: ["PL", "UA-west"],
                                                   parts: [poland, try split.west(context: ctx)], context: ctx)
                allied.insert("UA-west")
                neighbours.append(("UA-east", "Ukraine east of the Dnipro (the river line)", .riverLine, try split.east(context: ctx)))
            } else {
                region = try ProtectedRegion.union(name: "PL", members: ["PL"], parts: [poland], context: ctx)
            }
            let skip: Set<String> = isDnipro ? ["PL", "UA", "RU-KGD"] : ["PL", "RU-KGD"]
            for c in geo.countries where !skip.contains(c.code) {
                neighbours.append((c.code, c.name, .country, try c.geometry.geosGeometry(context: ctx)))
            }
            let regionGeom = try region.geometry(context: ctx)
            let regionProjection = try LocalProjection(covering: try regionGeom.envelope().coordinates, context: projContext)
            let frontier = try ExposedFrontier.classify(region: regionGeom, neighbours: neighbours, allied: allied, projection: regionProjection)
            advance()

            // Sites along the offset line.
            let lineProjection = try LocalProjection(covering: line.parts.flatMap { $0 } + plUA.flatMap { $0 }, context: projContext)
            let layout = try SiteLayout.place(along: line, protected: regionGeom, belt: belt,
                                              standoffM: inputs.standoffKm * 1000, projection: lineProjection)
            advance()

            // Coverage per target altitude.
            let lineGeom = try line.geometry(context: ctx)
            var coverages: [PerimeterResult.AltitudeCoverage] = []
            for alt in inputs.targetAltitudesM {
                let horizon = RadarHorizon.distanceM(radarHeightM: inputs.profile.radarHeightM, targetAltitudeM: alt)
                let radius = min(belt.rangeM, horizon)
                let sites = layout.allSites.enumerated().map { i, c in
                    Site(id: "\(line.name)-\(i + 1)", position: c, rangeM: radius)
                }
                let coverage = try Coverage.build(sites: sites, toleranceM: inputs.toleranceM)
                let union = try coverage.union(context: ctx)
                let ofLine = try CoverageOfLine.measure(line: lineGeom, coverage: union)
                let inRegion = try regionGeom.intersection(union).geodesicAreaPerimeter().area
                coverages.append(.init(targetAltitudeM: alt, horizonM: horizon, radiusM: radius, coverage: coverage,
                                       ofLine: ofLine, regionCoveredM2: inRegion))
                advance()
            }

            // Warning depth back to the Polish border.
            let depth = try WarningDepth.measure(border: plUA, line: line, projection: lineProjection, context: ctx)
            advance()

            var r = PerimeterResult(line: line, region: region, frontier: frontier, layout: layout, coverages: coverages,
                                    depth: depth, figures: [])
            r.figures = Self.figures(r, inputs: inputs, isDnipro: isDnipro)
            results.append(r)
        }
        var engagements: Engagements?
        if let tracks = inputs.tracks {
            let (airspace, airspaceNotes) = try EngagementAirspace.load(allied: inputs.allied, geoData: geo)
            engagements = try Engagements.compute(perimeters: results, tracks: tracks, airspace: airspace, notes: airspaceNotes)
            for k in results.indices { results[k].figures += EngagementFigures.figures(engagements!, perimeter: results[k].line.name) }
        }
        return Comparison(inputs: inputs, perimeters: results, ukraineSplit: split, geoDataFiles: geo.files, notes: notes,
                          engagements: engagements)
    }

    /// The reported figures of one perimeter, each with unit and inputs.
    static func figures(_ r: PerimeterResult, inputs: ComparisonInputs, isDnipro: Bool) -> [(key: String, figure: Figure)] {
        let lineInputs: [String] = isDnipro ? [CompareGeoData.dniproFile]
            : r.line.name == "polish-border" ? [CompareGeoData.bordersFile, "segments"] : ["line"]
        let regionInputs = [CompareGeoData.countriesFile] + (isDnipro ? [CompareGeoData.dniproFile, CompareGeoData.placesFile] : [])
        let layoutInputs = lineInputs + regionInputs + ["profile", "range_km", "half_width_km", "standoff_km"]
        var f: [(String, Figure)] = [
            ("line_length", Figure("forward line length", r.line.lengthM / 1000, "km", inputs: lineInputs)),
            ("region_area", Figure("protected region area", r.region.areaM2 / 1e6, "km2", inputs: regionInputs)),
            ("frontier_length", Figure("region boundary length", r.frontier.boundaryLengthM / 1000, "km", inputs: regionInputs)),
            ("frontier_exposed", Figure("exposed frontier (non-allied + sea)", r.frontier.exposedLengthM / 1000, "km",
                                        inputs: regionInputs + ["allied"])),
        ]
        for s in r.frontier.segments {
            f.append(("frontier_\(s.neighbour)", Figure("  facing \(s.neighbour)\(s.exposed ? " (exposed)" : " (allied)")",
                                                        s.lengthM / 1000, "km", inputs: regionInputs + ["allied"])))
        }
        f += [
            ("site_spacing", Figure("site spacing s = 2√(R²−w²)", r.layout.belt.spacingM / 1000, "km",
                                    inputs: ["profile", "range_km", "half_width_km"])),
            ("site_line_length", Figure("site line length (offset by standoff)", r.layout.lineLengthM / 1000, "km",
                                        inputs: lineInputs + regionInputs + ["standoff_km"])),
            ("site_count", Figure("sites", Double(r.layout.allSites.count), "count", inputs: layoutInputs)),
            ("offset_projection_scale_error", Figure("offset projection max scale error", r.layout.projectionMaxScaleErrorPct, "pct",
                                                     inputs: lineInputs + [CompareGeoData.bordersFile])),
        ]
        let covInputs = layoutInputs + ["radar_height_m", "target_alt_m", "tolerance_m"]
        for (i, c) in r.coverages.enumerated() {
            let a = "alt\(i + 1)", at = " @ \(Self.fmt(c.targetAltitudeM)) m"
            let share = r.region.areaM2 > 0 ? 100 * c.regionCoveredM2 / r.region.areaM2 : 0
            f += [
                ("\(a)_target_altitude", Figure("target altitude\(at)", c.targetAltitudeM, "m", inputs: ["target_alt_m"])),
                ("\(a)_radius", Figure("coverage radius min(R, horizon)\(at)", c.radiusM / 1000, "km",
                                        inputs: ["profile", "range_km", "radar_height_m", "target_alt_m"])),
                ("\(a)_coverage_area", Figure("covered area\(at)", c.coverage.areaM2 / 1e6, "km2", inputs: covInputs)),
                ("\(a)_line_covered", Figure("forward line covered\(at)", c.ofLine.sharePct, "pct", inputs: covInputs + lineInputs)),
                ("\(a)_region_covered", Figure("protected region covered\(at)", share, "pct", inputs: covInputs + regionInputs)),
                ("\(a)_gap_count", Figure("gaps on the forward line\(at)", Double(c.ofLine.gaps.count), "count", inputs: covInputs)),
                ("\(a)_gap_length", Figure("total gap length\(at)", c.ofLine.gapLengthM / 1000, "km", inputs: covInputs)),
                ("\(a)_largest_gap", Figure("largest gap\(at)", (c.ofLine.gaps.first?.lengthM ?? 0) / 1000, "km", inputs: covInputs)),
            ]
        }
        let depthInputs = lineInputs + [CompareGeoData.bordersFile]
        f += [
            ("warning_depth_min", Figure("depth to PL-UA border, min", r.depth.minM / 1000, "km", inputs: depthInputs)),
            ("warning_depth_median", Figure("depth to PL-UA border, median", r.depth.medianM / 1000, "km", inputs: depthInputs)),
            ("warning_depth_max", Figure("depth to PL-UA border, max", r.depth.maxM / 1000, "km", inputs: depthInputs)),
        ]
        for (i, s) in inputs.threatSpeeds.enumerated() {
            let t = "threat\(i + 1)", at = " @ \(Self.fmt(s.kmh)) km/h"
            f += [
                ("\(t)_speed", Figure("threat speed \(i + 1) (\(s.label))", s.kmh, "km/h", inputs: ["threat_speed_kmh"])),
                ("\(t)_warning_min", Figure("warning time, min\(at)", s.minutes(forM: r.depth.minM), "min", inputs: depthInputs + ["threat_speed_kmh"])),
                ("\(t)_warning_median", Figure("warning time, median\(at)", s.minutes(forM: r.depth.medianM), "min", inputs: depthInputs + ["threat_speed_kmh"])),
                ("\(t)_warning_max", Figure("warning time, max\(at)", s.minutes(forM: r.depth.maxM), "min", inputs: depthInputs + ["threat_speed_kmh"])),
            ]
        }
        return f.map { (key: $0.0, figure: $0.1) }
    }

    static func fmt(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }
}
