import GeoJSON
import GeometryCore

/// An air-defense site: a position (lon/lat degrees, WGS84) and the radius it covers.
public struct Site: Sendable, Hashable {
    /// Identifier: the feature's `id`, else its `name` property, else its index in the file.
    public var id: String
    /// Position, lon/lat degrees (WGS84).
    public var position: Coordinate
    /// Coverage radius, metres (geodesic).
    public var rangeM: Double
    /// The input feature's properties, passed through to outputs.
    public var properties: JSONObject

    public init(id: String, position: Coordinate, rangeM: Double, properties: JSONObject = [:]) {
        self.id = id
        self.position = position
        self.rangeM = rangeM
        self.properties = properties
    }
}

/// Reads sites from a GeoJSON file of Point features.
public enum SiteReader {
    /// Reads every Point feature of `path`; the radius comes from its `range_km` property or,
    /// when absent, `defaultRangeKm`. Errors name the file, the feature and the problem.
    public static func read(contentsOf path: String, defaultRangeKm: Double?) throws -> [Site] {
        let collection = try GeoJSONReader.read(contentsOf: path)
        return try sites(from: collection, source: path, defaultRangeKm: defaultRangeKm)
    }

    /// The sites of an already-read collection (`source` names it in errors).
    /// With `override`, `defaultRangeKm` is every site's radius and `range_km` properties are not read.
    public static func sites(from collection: FeatureCollection, source: String, defaultRangeKm: Double?,
                             override: Bool = false) throws -> [Site] {
        if let d = defaultRangeKm, !(d.isFinite && d > 0) {
            throw DomainError.invalidParameter("--range-km must be a positive number, got \(d)")
        }
        if let d = defaultRangeKm, d > GeodesicCircle.maximumPlanarRadius / 1000 {
            throw DomainError.invalidParameter(String(format: "--range-km %g exceeds the maximum of %.0f km", d, GeodesicCircle.maximumPlanarRadius / 1000))
        }
        guard !collection.features.isEmpty else {
            throw DomainError.invalidInput(source: source, message: "no features: expected Point sites")
        }
        return try collection.features.enumerated().map { index, feature in
            let path = "features[\(index)]"
            guard case .point(let p)? = feature.geometry else {
                let found = feature.geometry?.typeName ?? "null"
                throw DomainError.invalidInput(source: source, message: "\(path).geometry: expected a Point site, found \(found)")
            }
            let rangeKm: Double
            if override, let d = defaultRangeKm {
                rangeKm = d
            } else if let value = feature.properties["range_km"], !value.isNull {
                guard let r = value.doubleValue, r.isFinite, r > 0 else {
                    throw DomainError.invalidInput(
                        source: source, message: "\(path).properties.range_km: expected a positive number of km")
                }
                guard r <= GeodesicCircle.maximumPlanarRadius / 1000 else {
                    throw DomainError.invalidInput(source: source, message: "\(path).properties.range_km: "
                        + String(format: "%g km exceeds the maximum of %.0f km (a larger circle could contain both poles)",
                                 r, GeodesicCircle.maximumPlanarRadius / 1000))
                }
                rangeKm = r
            } else if let d = defaultRangeKm {
                rangeKm = d
            } else {
                throw DomainError.invalidInput(
                    source: source, message: "\(path).properties.range_km: missing, and no --range-km default given")
            }
            let id: String
            switch feature.id {
            case .string(let s)?: id = s
            case .integer(let i)?: id = String(i)
            case .number(let n)?: id = String(n)
            case nil: id = feature.properties["name"]?.stringValue ?? String(index)
            }
            return Site(id: id, position: p.coordinate, rangeM: rangeKm * 1000, properties: feature.properties)
        }
    }
}
