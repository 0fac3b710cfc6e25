import GeoJSON
import GeometryCore

extension AirspaceLoader {
    /// The land under the airspace of country `iso`, for splitting time inside it into time over land and
    /// time in the territorial sea: the country's land from `countries.geojson` (matched by `id`, else
    /// `iso2` without an `id`) together with its neighbours' land within the airspace's bounding box —
    /// the airspace's land borders come from the same data but not always the same vertices, and a
    /// sliver of a neighbour is land, not sea. Nil when GeoData has no such country.
    public static func land(iso: String, geodata: String, airspace: AirspacePolygon) throws -> AirspacePolygon? {
        let code = iso.uppercased()
        let countries = GeoDataLocator.file("countries.geojson", in: geodata)
        let collection = try GeoJSONReader.read(contentsOf: countries)
        let matches = countryMatch(code, in: collection)
        guard collection.features.contains(where: matches) else { return nil }
        let outer = airspace.parts.flatMap(\.outer)
        guard let w = outer.map(\.lon).min(), let e = outer.map(\.lon).max(),
              let s = outer.map(\.lat).min(), let n = outer.map(\.lat).max() else { return nil }
        let near: (Feature) -> Bool = { f in
            let positions = f.geometry?.allPositions ?? []
            guard let fw = positions.map(\.coordinate.lon).min(), let fe = positions.map(\.coordinate.lon).max(),
                  let fs = positions.map(\.coordinate.lat).min(), let fn = positions.map(\.coordinate.lat).max() else { return false }
            return fw <= e && fe >= w && fs <= n && fn >= s
        }
        return try polygon(file: countries, name: "\(code) land", select: { matches($0) || near($0) })
    }
}
