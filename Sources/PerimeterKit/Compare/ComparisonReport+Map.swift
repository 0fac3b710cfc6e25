import GeoJSON

extension ComparisonReport {
    /// Colours of the forward lines, one per perimeter in comparison order (then repeated).
    static let perimeterColours = ["#dc6e00", "#7b3294", "#008837", "#b8860b", "#c51b7d"]
    /// Colours of the belts, one per target altitude in input order (then repeated).
    static let altitudeColours = ["#1e5ac8", "#1a9850", "#d01c8b", "#e6ab02", "#a6761d"]
    /// At most this many tracks are drawn on the compare map (engagement windows are always drawn).
    static let maxMapTracks = 2000

    /// The comparison as map layers (lon/lat degrees, WGS84), drawn in this order: each perimeter's protected
    /// region (a light tint and dashed outline in the perimeter's colour), the continuous belts' coverage per
    /// target altitude (semi-transparent, one colour per altitude, the widest underneath), the site lines (thin,
    /// dashed), each perimeter's forward line in its own colour, what the belts leave uncovered, with tracks the
    /// tracks and their engagement windows, the nominal layout's sites (small grey) and the belt sites per
    /// altitude (in the altitude's colour). Built from ``layers()``, so the map shows exactly what the GeoJSON
    /// files hold. The basemap is not included.
    public func mapLayers() throws -> [MapLayer] {
        let files = Dictionary(uniqueKeysWithValues: try layers())
        let inputs = comparison.inputs
        var out: [MapLayer] = []
        let regions = files["regions.geojson"]?.features ?? []
        for (k, r) in comparison.perimeters.enumerated() {
            let region = regions.filter {
                $0.properties["role"]?.stringValue == "protected_region" && $0.properties["perimeter"]?.stringValue == r.line.name
            }
            guard !region.isEmpty else { continue }
            let colour = Self.perimeterColours[k % Self.perimeterColours.count]
            let style = MapStyle(fill: colour, fillOpacity: 0.07, stroke: colour, strokeWidth: 1.2, dash: "7 4")
            out.append(MapLayer(name: "region_\(r.line.name)", role: .regions, collection: FeatureCollection(features: region),
                                style: style, legendLabel: "Protected by \(r.line.name): \(r.region.name)"))
        }
        let alts = inputs.targetAltitudesM
        let system = inputs.layers.map(\.name).joined(separator: " + ")
        for (i, alt) in alts.enumerated().sorted(by: { $0.element > $1.element }) {
            let name = "coverage_\(Comparison.fmt(alt))m"
            guard let fc = files[Self.coverageFileName(alt)] else { continue }
            let colour = Self.altitudeColours[i % Self.altitudeColours.count]
            out.append(MapLayer(name: name, role: .coverage, collection: fc,
                                style: MapStyle(fill: colour, fillOpacity: alts.count > 1 ? 0.16 : 0.25, stroke: colour, strokeWidth: 0.8),
                                legendLabel: "Continuous belt (\(system)), targets at \(Comparison.fmt(alt)) m"))
        }
        let lines = files["lines.geojson"]?.features ?? []
        let siteLines = lines.filter { $0.properties["role"]?.stringValue == "site_line" }
        if !siteLines.isEmpty {
            var style = MapStyle.default(for: .lines)
            style.stroke = "#555555"; style.strokeWidth = 1; style.dash = "4 3"
            out.append(MapLayer(name: "site_lines", role: .lines, collection: FeatureCollection(features: siteLines), style: style,
                                legendLabel: "Site line (standoff \(Comparison.fmt(inputs.standoffKm)) km)"))
        }
        for (k, r) in comparison.perimeters.enumerated() {
            let forward = lines.filter {
                $0.properties["role"]?.stringValue == "forward_line" && $0.properties["perimeter"]?.stringValue == r.line.name
            }
            var style = MapStyle.default(for: .lines)
            style.stroke = Self.perimeterColours[k % Self.perimeterColours.count]
            out.append(MapLayer(name: "forward_line_\(r.line.name)", role: .lines, collection: FeatureCollection(features: forward),
                                style: style, legendLabel: "Forward line: \(r.line.name)"))
        }
        let beltGaps = (files["gaps.geojson"]?.features ?? []).filter { $0.properties["layout"]?.stringValue == "belt" }
        if !beltGaps.isEmpty {
            let at = alts.map { Comparison.fmt($0) }.joined(separator: ", ")
            out.append(MapLayer(name: "gaps", role: .gaps, collection: FeatureCollection(features: beltGaps),
                                legendLabel: "Out of reach of any belt (\(at) m)"))
        }
        out += try trackLayers(files)
        let sites = files["sites.geojson"]?.features ?? []
        let nominal = sites.filter { $0.properties["layout"]?.stringValue == "nominal" }
        if !nominal.isEmpty {
            out.append(MapLayer(name: "sites_nominal", role: .sites, collection: FeatureCollection(features: nominal),
                                style: MapStyle(fill: nil, stroke: "#ffffff", strokeWidth: 1, pointRadius: 3, pointFill: "#8c8c8c"),
                                legendLabel: "Nominal layout, spaced for R = \(Comparison.fmt(inputs.profile.rangeKm)) km"))
        }
        for (i, alt) in alts.enumerated() {
            let belt = sites.filter { $0.properties["layout"]?.stringValue == "belt" && $0.properties["target_alt_m"]?.doubleValue == alt }
            guard !belt.isEmpty else { continue }
            let colour = Self.altitudeColours[i % Self.altitudeColours.count]
            out.append(MapLayer(name: "sites_\(Comparison.fmt(alt))m", role: .sites, collection: FeatureCollection(features: belt),
                                style: MapStyle(fill: colour, fillOpacity: 0.25, stroke: "#ffffff", strokeWidth: 1,
                                                pointRadius: 4.5 - Double(min(i, 2)) * 0.5, pointFill: colour),
                                legendLabel: "Belt sites @ \(Comparison.fmt(alt)) m"))
        }
        out += AssetReport.mapLayers(comparison)
        return out
    }

    /// With tracks: the tracks (at most `maxMapTracks`, grey) and their engagement windows before NATO entry.
    func trackLayers(_ files: [String: FeatureCollection]) throws -> [MapLayer] {
        guard let e = comparison.engagements else { return [] }
        var tracks: [Feature] = []
        var source = try e.tracks.open()
        while let t = try source.nextTrack() {
            guard tracks.count < Self.maxMapTracks else { break }
            var positions = t.fixes.map { Position($0.position) }
            if positions.count == 1 { positions.append(positions[0]) }
            guard positions.count >= 2 else { continue }
            tracks.append(Feature(geometry: .lineString(positions), properties: ["role": "track", "track_id": .string(t.id)]))
        }
        let label = e.statistics.tracks > Self.maxMapTracks ? "Tracks (\(Self.maxMapTracks) of \(e.statistics.tracks))" : "Tracks"
        var out = [MapLayer(name: "tracks", role: .tracks, collection: FeatureCollection(features: tracks), legendLabel: label)]
        if let windows = files[EngagementReport.layerFileName], !windows.features.isEmpty {
            out.append(MapLayer(name: "engagements", role: .inside, collection: windows,
                                legendLabel: "Engagement windows (in coverage before NATO entry)"))
        }
        return out
    }

    /// A title for the comparison map: the perimeters compared and the systems.
    public var mapTitle: String {
        "\(comparison.perimeters.map(\.line.name).joined(separator: " vs ")) — \(comparison.inputs.layers.map(\.name).joined(separator: " + "))"
    }
}
