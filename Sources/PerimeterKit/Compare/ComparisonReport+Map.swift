import GeoJSON

extension ComparisonReport {
    /// Colours of the forward lines, one per perimeter in comparison order (then repeated).
    static let perimeterColours = ["#dc6e00", "#7b3294", "#008837", "#b8860b", "#c51b7d"]

    /// The comparison as map layers (lon/lat degrees, WGS84), drawn in this order: each perimeter's protected
    /// region (a light tint and dashed outline in the perimeter's colour), coverage per target
    /// altitude (semi-transparent), the site lines (thin, dashed), each perimeter's forward line in its own
    /// colour, the gaps of the forward lines, the sites. Built from ``layers()``, so the map shows exactly
    /// what the GeoJSON files hold. The basemap is not included.
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
        for alt in inputs.targetAltitudesM {
            let name = "coverage_\(Comparison.fmt(alt))m"
            guard let fc = files[name + ".geojson"] else { continue }
            out.append(MapLayer(name: name, role: .coverage, collection: fc,
                                legendLabel: "Coverage, targets at \(Comparison.fmt(alt)) m"))
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
        if let gaps = files["gaps.geojson"], !gaps.features.isEmpty {
            let alts = inputs.targetAltitudesM.map { Comparison.fmt($0) }.joined(separator: ", ")
            out.append(MapLayer(name: "gaps", role: .gaps, collection: gaps, legendLabel: "Gaps in line coverage (\(alts) m)"))
        }
        if let sites = files["sites.geojson"] {
            out.append(MapLayer(name: "sites", role: .sites, collection: sites,
                                legendLabel: "Sites (\(inputs.profile.name), R = \(Comparison.fmt(inputs.profile.rangeKm)) km)"))
        }
        out += AssetReport.mapLayers(comparison)
        return out
    }

    /// A title for the comparison map: the perimeters compared and the profile.
    public var mapTitle: String {
        "\(comparison.perimeters.map(\.line.name).joined(separator: " vs ")) — \(comparison.inputs.profile.name)"
    }
}
