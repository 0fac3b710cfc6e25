import GeoJSON
import GeometryCore

/// A place a perimeter should protect (a capital, a city, an airport hub, a nuclear plant), read from
/// `GeoData/assets.geojson`: lon/lat WGS84 with the page its coordinate comes from.
public struct ProtectedAsset: Sendable, Hashable {
    public var name: String
    /// `capital`, `city`, `airport`, `nuclear plant`, …
    public var kind: String
    /// ISO 3166 alpha-2 code of the country it lies in.
    public var country: String
    public var position: Coordinate
    /// Where the coordinate comes from (URL or page).
    public var source: String
    public var note: String

    public static let file = "assets.geojson"

    /// Every Point feature of `path`; a feature without a Point geometry or a `name` is an error naming it.
    public static func read(contentsOf path: String) throws -> [ProtectedAsset] {
        var out: [ProtectedAsset] = []
        for (i, f) in try GeoJSONReader.read(contentsOf: path).features.enumerated() {
            guard case .point(let p)? = f.geometry else {
                throw DomainError.invalidInput(source: path, message: "features[\(i)]: expected a Point")
            }
            guard let name = f.properties["name"]?.stringValue, !name.isEmpty else {
                throw DomainError.invalidInput(source: path, message: "features[\(i)]: no name property")
            }
            out.append(ProtectedAsset(
                name: name, kind: f.properties["kind"]?.stringValue ?? "asset", country: f.properties["country"]?.stringValue ?? "",
                position: p.coordinate, source: f.properties["source"]?.stringValue ?? "", note: f.properties["note"]?.stringValue ?? ""))
        }
        return out
    }
}

/// The GSHHG shoreline `compare` calls sea (`GeoData/coast.geojson`): lon/lat lines.
public enum CoastLines {
    public static let file = "coast.geojson"

    /// Every line of every (Multi)LineString feature of `path`.
    public static func read(contentsOf path: String) throws -> [[Coordinate]] {
        var out: [[Coordinate]] = []
        for (i, f) in try GeoJSONReader.read(contentsOf: path).features.enumerated() {
            switch f.geometry {
            case .lineString(let ps)?: out.append(ps.map(\.coordinate))
            case .multiLineString(let ls)?: out += ls.map { $0.map(\.coordinate) }
            default: throw DomainError.invalidInput(source: path, message: "features[\(i)]: expected a LineString or MultiLineString")
            }
        }
        return out
    }
}
