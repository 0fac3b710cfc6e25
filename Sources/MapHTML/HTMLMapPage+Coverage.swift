import Foundation
import GeoJSON
import PerimeterKit

extension HTMLMapPage {
    /// The coverage page: the union (area, perimeter, parts, holes), each site with its range, and each site's
    /// circle (off at first; only up to ``maxCircles`` sites).
    public static func coverage(_ coverage: Coverage, title: String, basemap: PageBasemap?, maxCircles: Int = 500) throws -> HTMLMapPage {
        let union = Feature(geometry: try GeoJSONGeometry(try coverage.union()), properties: coverage.unionProperties)
        let sites = coverage.circles.map { c -> Feature in
            var p = JSONObject()
            p["name"] = .string(c.site.id)
            p["range_km"] = .number(c.radiusM / 1000)
            for (k, v) in c.site.properties where p[k] == nil && k != "name" { p[k] = v }
            return Feature(geometry: .point(Position(c.site.position)), properties: p)
        }
        var layers = [
            PageLayer(name: "coverage_union", legend: String(format: "Coverage union (%.0f km²)", coverage.areaM2 / 1e6),
                      role: .coverage, features: [union]),
        ]
        if coverage.circles.count <= maxCircles {
            let circles = try coverage.features(includeCircles: true).filter { $0.properties["layer"]?.stringValue == "coverage_circle" }
            var style = MapStyle.default(for: .coverage)
            style.fillOpacity = 0.05
            style.dash = "3 3"
            layers.append(PageLayer(name: "coverage_circles", legend: "Each site's circle", role: .coverage, style: style,
                                    features: circles, visible: false))
        }
        layers.append(PageLayer(name: "sites", legend: "Sites (\(coverage.circles.count))", role: .sites, features: sites))
        let notes = [String(format: "Geodesic (WGS84) circles, chord-to-arc error ≤ %.0f m; union area %.1f km², perimeter %.1f km, %d part(s), %d hole(s).",
                            coverage.toleranceM, coverage.areaM2 / 1e6, coverage.perimeterM / 1000, coverage.parts, coverage.holes)]
        return HTMLMapPage(title: title, notes: notes, layers: layers, basemap: basemap)
    }
}
