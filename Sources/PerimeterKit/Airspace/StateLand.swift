import Foundation
import GeoJSON
import GeometryCore

/// The land territory of every state in GeoData, keyed by iso2 (`RU-KGD` for the Kaliningrad
/// exclave, `RU` for the rest of Russia west of 45° E): the DCW country polygon plus the GSHHG
/// full-resolution coastal land assigned to that country (`land.geojson`, islands included).
/// Geometries are lon/lat WGS84 GeoJSON values (Sendable; converted to GEOS per build).
public struct StateLand: Sendable {
    /// One state's land, as read.
    public struct Entry: Sendable {
        public var key: String
        public var name: String
        /// Polygon parts (DCW and GSHHG), lon/lat degrees. They overlap where the two sources
        /// agree; the builder unions them.
        public var parts: [[[Coordinate]]]
        /// lon/lat bounds of all parts.
        public var bounds: Bounds
        /// lon/lat bounds of the GSHHG coastal land only (nil when the state has none).
        public var coastalBounds: Bounds?
    }

    /// Longitude separating the Kaliningrad exclave from the rest of Russia (as in countries.geojson's note).
    public static let kaliningradEast = 23.5

    public private(set) var entries: [String: Entry] = [:]

    /// Reads `countries.geojson` and `land.geojson` from `directory`.
    public init(geoData directory: String) throws {
        let countriesPath = GeoDataLocator.file("countries.geojson", in: directory)
        let landPath = GeoDataLocator.file("land.geojson", in: directory)
        let countries: FeatureCollection, land: FeatureCollection
        do {
            countries = try GeoJSONReader.read(contentsOf: countriesPath)
            land = try GeoJSONReader.read(contentsOf: landPath)
        } catch {
            throw DomainError.invalidInput(source: "GeoData", message: error.description)
        }
        var names: [String: String] = [:]
        var dcw: [String: [[[Coordinate]]]] = [:]
        for (i, f) in countries.features.enumerated() {
            guard let iso = f.properties["iso2"]?.stringValue, let g = f.geometry else {
                throw DomainError.invalidInput(source: countriesPath, message: "features[\(i)]: no iso2 or no geometry")
            }
            // The separate Kaliningrad feature (id RU-KGD as feature id or property) is taken from RU by longitude.
            if case .string(let id)? = f.id, id == "RU-KGD" { continue }
            if f.properties["id"]?.stringValue == "RU-KGD" { continue }
            let polys = try Self.polygons(g, source: countriesPath, index: i)
            if iso == "RU" {
                let (west, east) = Self.splitKaliningrad(polys)
                dcw["RU-KGD", default: []] += west
                dcw["RU", default: []] += east
                names["RU-KGD"] = "Russia (Kaliningrad exclave)"
            } else {
                dcw[iso, default: []] += polys
            }
            names[iso] = f.properties["name"]?.stringValue ?? iso
        }
        var gshhg: [String: [[[Coordinate]]]] = [:]
        for (i, f) in land.features.enumerated() {
            guard let iso = f.properties["iso2"]?.stringValue, let g = f.geometry else {
                throw DomainError.invalidInput(source: landPath, message: "features[\(i)]: no iso2 or no geometry")
            }
            let polys = try Self.polygons(g, source: landPath, index: i)
            if iso == "RU" {
                let (west, east) = Self.splitKaliningrad(polys)
                gshhg["RU-KGD", default: []] += west
                gshhg["RU", default: []] += east
            } else {
                gshhg[iso, default: []] += polys
            }
        }
        for key in Set(dcw.keys).union(gshhg.keys) {
            let parts = Self.continuous(dcw[key] ?? []) + Self.continuous(gshhg[key] ?? [], like: dcw[key] ?? [])
            guard let b = Self.bounds(parts) else { continue }
            entries[key] = Entry(key: key, name: names[key] ?? key, parts: parts, bounds: b,
                                 coastalBounds: Self.bounds(Self.continuous(gshhg[key] ?? [], like: dcw[key] ?? [])))
        }
    }

    /// Keys of every state present, sorted.
    public var keys: [String] { entries.keys.sorted() }

    /// The land of `key` as one GEOS geometry (unioned, valid) in `context`, lon/lat.
    func geometry(_ key: String, context: GEOSContext) throws -> Geometry? {
        guard let e = entries[key] else { return nil }
        return try Self.geometry(e.parts, context: context)
    }

    /// Polygons (rings) → a GEOS geometry collection of them (overlapping, not unioned).
    static func geometry(_ parts: [[[Coordinate]]], context: GEOSContext) throws -> Geometry {
        let polys = try parts.map { rings in
            try Geometry.polygon(shell: rings[0], holes: Array(rings.dropFirst()), context: context)
        }
        return try Geometry.geometryCollection(polys, context: context)
    }

    static func polygons(_ g: GeoJSONGeometry, source: String, index: Int) throws -> [[[Coordinate]]] {
        switch g {
        case .polygon(let rings): return [rings.map { $0.map(\.coordinate) }]
        case .multiPolygon(let ps): return ps.map { $0.map { $0.map(\.coordinate) } }
        default:
            throw DomainError.invalidInput(source: source, message: "features[\(index)]: \(g.typeName), expected Polygon or MultiPolygon")
        }
    }

    /// A state whose parts lie on both sides of ±180° (Alaska, RFC 7946 files cut at the antimeridian) in one
    /// continuous longitude frame: when the parts' longitudes span more than 180°, the parts of the hemisphere
    /// holding fewer vertices (`like`'s, when given) are moved by ∓360° next to the others, so bounds, windows and
    /// the projection centre are those of the state (Alaska: −188…−130), not of the whole globe. Parts of a
    /// state that does not straddle ±180° are returned unchanged.
    static func continuous(_ parts: [[[Coordinate]]], like reference: [[[Coordinate]]]? = nil) -> [[[Coordinate]]] {
        let all = (reference ?? []) + parts
        guard let b = bounds(all), b.maxX - b.minX > 180 else { return parts }
        func east(_ p: [[Coordinate]]) -> Bool { (p.first?.map(\.lon).min() ?? 0) >= 0 }
        let eastCount = all.filter(east).reduce(0) { $0 + ($1.first?.count ?? 0) }
        let westCount = all.filter { !east($0) }.reduce(0) { $0 + ($1.first?.count ?? 0) }
        let moveEast = eastCount <= westCount
        return parts.map { p in
            guard east(p) == moveEast else { return p }
            let d = moveEast ? -360.0 : 360.0
            return p.map { ring in ring.map { Coordinate(lon: $0.lon + d, lat: $0.lat) } }
        }
    }

    /// Splits polygons into those entirely west of `kaliningradEast` and the rest.
    static func splitKaliningrad(_ polys: [[[Coordinate]]]) -> (west: [[[Coordinate]]], east: [[[Coordinate]]]) {
        var west: [[[Coordinate]]] = [], east: [[[Coordinate]]] = []
        for p in polys {
            if (p.first?.map(\.lon).max() ?? 0) < kaliningradEast { west.append(p) } else { east.append(p) }
        }
        return (west, east)
    }

    static func bounds(_ polys: [[[Coordinate]]]) -> Bounds? {
        var b: Bounds?
        for p in polys { for c in p.first ?? [] {
            if var bb = b {
                bb.minX = min(bb.minX, c.lon); bb.maxX = max(bb.maxX, c.lon)
                bb.minY = min(bb.minY, c.lat); bb.maxY = max(bb.maxY, c.lat)
                b = bb
            } else {
                b = Bounds(minX: c.lon, minY: c.lat, maxX: c.lon, maxY: c.lat)
            }
        } }
        return b
    }
}
