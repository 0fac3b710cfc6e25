import GeoJSON

extension AirspaceLoader {
    /// The land of country `iso` from `countries.geojson` (matched by `id`, else `iso2` without an `id`),
    /// for splitting time inside its airspace into time over land and time in the territorial sea;
    /// nil when GeoData has no such country.
    public static func land(iso: String, geodata: String) throws -> AirspacePolygon? {
        let code = iso.uppercased()
        let countries = GeoDataLocator.file("countries.geojson", in: geodata)
        let collection = try GeoJSONReader.read(contentsOf: countries)
        let hasID = collection.features.contains { $0.properties["id"]?.stringValue == code }
        let matches: (Feature) -> Bool = { f in
            hasID ? f.properties["id"]?.stringValue == code
                  : f.properties["iso2"]?.stringValue == code && f.properties["id"] == nil
        }
        guard collection.features.contains(where: matches) else { return nil }
        return try polygon(file: countries, name: "\(code) land", select: matches)
    }
}
