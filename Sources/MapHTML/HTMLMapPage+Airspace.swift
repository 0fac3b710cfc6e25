import Foundation
import GeoJSON
import PerimeterKit

extension HTMLMapPage {
    /// The airspace page: the national airspace (land + territorial sea) with its areas, and the territorial
    /// sea alone.
    public static func airspace(_ airspace: Airspace, basemap: PageBasemap?) throws -> HTMLMapPage {
        let feature = try airspace.feature
        var style = MapStyle.default(for: .airspace)
        style.fill = "#7b3294"
        style.fillOpacity = 0.08
        var layers = [PageLayer(name: "airspace", legend: "Airspace of \(airspace.name) (land + territorial sea)", role: .airspace,
                                style: style, features: [feature])]
        let sea = try GeoJSONGeometry(airspace.territorialSea)
        if !sea.isEmpty {
            let sStyle = MapStyle(fill: "#1e5ac8", fillOpacity: 0.2, stroke: "#1e5ac8", strokeWidth: 0.8)
            layers.append(PageLayer(name: "territorial_sea", legend: "Territorial sea (12 NM, median lines)", role: .coverage, style: sStyle,
                                    features: [Feature(geometry: sea, properties: ["name": .string("\(airspace.iso2) territorial sea"),
                                                                                  "area_km2": .number(airspace.territorialSeaKm2)])]))
        }
        let rules = airspace.rulesApplied.isEmpty ? "no exceptions applied" : "rules: " + airspace.rulesApplied.joined(separator: ", ")
        let notes = [String(format: "Area %.1f km² (land %.1f, territorial sea %.1f), geodesic on WGS84; %@.",
                            airspace.areaKm2, airspace.landKm2, airspace.territorialSeaKm2, rules),
                     "Median lines are computed, not treaty coordinates."]
        return HTMLMapPage(title: "National airspace: \(airspace.name) (\(airspace.iso2))", notes: notes, layers: layers, basemap: basemap)
    }
}
