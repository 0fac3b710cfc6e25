import Foundation
import GeoJSON
import GeometryCore

/// The GeoData a perimeter comparison reads: country polygons, shared borders, the Dnipro course and
/// named places, all lon/lat degrees (WGS84) as shipped in `GeoData/`.
public struct CompareGeoData: Sendable {
    /// A country (or exclave) polygon with its code (`iso2`, or the feature's `id` property such as
    /// `RU-KGD`) and name.
    public struct Country: Sendable {
        public var code: String
        public var name: String
        public var geometry: GeoJSONGeometry
    }

    /// The GeoData directory read.
    public var directory: String
    /// Countries by code, in file order.
    public var countries: [Country]
    /// Shared borders by `pair` ("PL-UA"), lon/lat line parts.
    public var borders: [String: [[Coordinate]]]
    /// The Dnipro course from the Belarus–Ukraine border to the mouth, lon/lat.
    public var dnipro: [Coordinate]
    /// Named places (lon/lat) from `places.geojson`.
    public var places: [String: Coordinate]
    /// Every file read, as paths.
    public var files: [String]
    /// The GSHHG shoreline (`coast.geojson`), lon/lat lines; empty when the GeoData directory has none.
    public var coast: [[Coordinate]] = []
    /// Protected assets (`assets.geojson`); empty when the GeoData directory has none.
    public var assets: [ProtectedAsset] = []

    public static let countriesFile = "countries.geojson"
    public static let bordersFile = "borders.geojson"
    public static let dniproFile = "dnipro.geojson"
    public static let placesFile = "places.geojson"

    /// Reads the four files from `directory`; errors name the file and the problem.
    public static func load(directory: String) throws -> CompareGeoData {
        func path(_ n: String) -> String { GeoDataLocator.file(n, in: directory) }
        let countryFC = try GeoJSONReader.read(contentsOf: path(countriesFile))
        var countries: [Country] = []
        for (i, f) in countryFC.features.enumerated() {
            guard let g = f.geometry else { continue }
            guard let code = f.properties["id"]?.stringValue ?? f.properties["iso2"]?.stringValue else {
                throw DomainError.invalidInput(source: path(countriesFile), message: "features[\(i)]: no iso2 or id property")
            }
            countries.append(Country(code: code, name: f.properties["name"]?.stringValue ?? code, geometry: g))
        }
        var borders: [String: [[Coordinate]]] = [:]
        for (i, f) in try GeoJSONReader.read(contentsOf: path(bordersFile)).features.enumerated() {
            guard let pair = f.properties["pair"]?.stringValue else {
                throw DomainError.invalidInput(source: path(bordersFile), message: "features[\(i)]: no pair property")
            }
            switch f.geometry {
            case .lineString(let ps)?: borders[pair] = [ps.map(\.coordinate)]
            case .multiLineString(let ls)?: borders[pair] = ls.map { $0.map(\.coordinate) }
            default:
                throw DomainError.invalidInput(source: path(bordersFile), message: "features[\(i)] (\(pair)): expected a LineString or MultiLineString")
            }
        }
        let dniproFC = try GeoJSONReader.read(contentsOf: path(dniproFile))
        guard case .lineString(let river)? = dniproFC.features.first?.geometry else {
            throw DomainError.invalidInput(source: path(dniproFile), message: "features[0]: expected the Dnipro as one LineString")
        }
        var places: [String: Coordinate] = [:]
        for f in try GeoJSONReader.read(contentsOf: path(placesFile)).features {
            if case .point(let p)? = f.geometry, let name = f.properties["name"]?.stringValue { places[name] = p.coordinate }
        }
        var geo = CompareGeoData(
            directory: directory, countries: countries, borders: borders, dnipro: river.map(\.coordinate),
            places: places, files: [countriesFile, bordersFile, dniproFile, placesFile].map(path))
        try geo.loadCoastAndAssets()
        return geo
    }

    /// Reads `coast.geojson` and `assets.geojson` when the directory has them (older GeoData folders do not).
    mutating func loadCoastAndAssets() throws {
        let fm = FileManager.default
        let coastPath = GeoDataLocator.file(CoastLines.file, in: directory)
        if fm.fileExists(atPath: coastPath) { coast = try CoastLines.read(contentsOf: coastPath); files.append(coastPath) }
        let assetsPath = GeoDataLocator.file(ProtectedAsset.file, in: directory)
        if fm.fileExists(atPath: assetsPath) { assets = try ProtectedAsset.read(contentsOf: assetsPath); files.append(assetsPath) }
    }

    /// The country with `code`, or nil when GeoData has none.
    public func country(_ code: String) -> Country? { countries.first { $0.code == code } }

    /// The border between `a` and `b` in either order ("PL-UA" or "UA-PL"), or nil.
    public func border(_ a: String, _ b: String) -> [[Coordinate]]? { borders["\(a)-\(b)"] ?? borders["\(b)-\(a)"] }

    /// The place called `name`, or an error naming `places.geojson`.
    public func place(_ name: String) throws -> Coordinate {
        guard let c = places[name] else {
            throw DomainError.invalidInput(source: GeoDataLocator.file(Self.placesFile, in: directory), message: "no place named '\(name)'")
        }
        return c
    }
}
