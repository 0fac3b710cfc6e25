import GeoJSON
import GeometryCore

extension Coverage {
    /// The coverage as map layers (lon/lat degrees, WGS84): the union, semi-transparent, then the sites
    /// (labelled with their id when there are at most `maxLabelledSites`). The basemap is not included.
    public func mapLayers(maxLabelledSites: Int = 40) throws -> [MapLayer] {
        let union = Feature(geometry: try GeoJSONGeometry(try union()), properties: unionProperties)
        let label = circles.count <= maxLabelledSites
        let sites = circles.map { c in
            Feature(geometry: .point(Position(c.site.position)),
                    properties: label ? ["name": .string(c.site.id)] : ["site_id": .string(c.site.id)])
        }
        let radii = circles.map(\.radiusM)
        let range = radii.isEmpty ? "" : (radii.min() == radii.max()
            ? String(format: ", R = %.0f km", radii[0] / 1000)
            : String(format: ", R = %.0f–%.0f km", radii.min()! / 1000, radii.max()! / 1000))
        return [
            MapLayer(name: "coverage_union", role: .coverage, collection: FeatureCollection(features: [union]),
                     legendLabel: String(format: "Coverage (%.0f km²)", areaM2 / 1e6)),
            MapLayer(name: "sites", role: .sites, collection: FeatureCollection(features: sites),
                     legendLabel: "Sites (\(circles.count)\(range))"),
        ]
    }
}
