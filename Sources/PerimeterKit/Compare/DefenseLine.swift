import GeoJSON
import GeometryCore

/// A forward defense line: the line a perimeter is held at, as one or more lon/lat line parts
/// (WGS84 degrees), with its geodesic length.
public struct DefenseLine: Sendable {
    /// Short name: `polish-border`, `dnipro`, or the user line's name.
    public var name: String
    /// The line parts, lon/lat; each has at least two points.
    public var parts: [[Coordinate]]
    /// Where the line comes from (file and feature, border pairs).
    public var source: String

    public init(name: String, parts: [[Coordinate]], source: String) {
        self.name = name
        self.parts = parts
        self.source = source
    }

    /// Geodesic length of all parts, metres (WGS84).
    public var lengthM: Double { parts.reduce(0) { $0 + Geodesic.wgs84.length(of: $1) } }

    /// The parts as a GEOS (multi) line string, lon/lat.
    public func geometry(context: GEOSContext) throws -> Geometry {
        let lines = try parts.map { try Geometry.lineString($0, context: context) }
        return lines.count == 1 ? lines[0] : try Geometry.multiLineString(lines, context: context)
    }

    /// The segments of Poland's eastern land border `--segments` may name.
    public static let polishBorderSegments: [String: String] = ["ua": "UA", "by": "BY", "ru": "RU"]

    /// Poland's eastern land border with the countries in `segments` (`ua`, `by`, `ru`), read
    /// from `borders.geojson` pairs `PL-UA`, `PL-BY`, `PL-RU`; touching pieces are merged.
    public static func polishBorder(segments: [String], geoData: CompareGeoData) throws -> DefenseLine {
        guard !segments.isEmpty else { throw DomainError.invalidParameter("--segments needs at least one of ua, by, ru") }
        let ctx = GEOSContext()
        var lines: [Geometry] = []
        var pairs: [String] = []
        for s in segments {
            guard let code = polishBorderSegments[s.lowercased()] else {
                throw DomainError.unknownName(kind: "segment", name: s, known: ["ua", "by", "ru"])
            }
            guard let border = geoData.border("PL", code) else {
                throw DomainError.invalidInput(source: GeoDataLocator.file(CompareGeoData.bordersFile, in: geoData.directory),
                                               message: "no PL-\(code) border")
            }
            pairs.append("PL-\(code)")
            lines += try border.map { try Geometry.lineString($0, context: ctx) }
        }
        let merged = try Geometry.multiLineString(lines, context: ctx).lineMerge()
        let parts = try merged.geometries.map { try $0.coordinates }.filter { $0.count > 1 }
        return DefenseLine(name: "polish-border", parts: parts,
                           source: "\(CompareGeoData.bordersFile) pairs \(pairs.joined(separator: ", "))")
    }

    /// The Dnipro course from `dnipro.geojson`.
    public static func dnipro(geoData: CompareGeoData) -> DefenseLine {
        DefenseLine(name: "dnipro", parts: [geoData.dnipro], source: "\(CompareGeoData.dniproFile) feature 0")
    }

    /// A user line: the first feature of `path`, which must be a LineString.
    public static func user(path: String) throws -> DefenseLine {
        let fc = try GeoJSONReader.read(contentsOf: path)
        guard let f = fc.features.first else {
            throw DomainError.invalidInput(source: path, message: "no features: expected one LineString")
        }
        guard case .lineString(let ps)? = f.geometry else {
            throw DomainError.invalidInput(
                source: path, message: "features[0].geometry: expected a LineString, found \(f.geometry?.typeName ?? "null")")
        }
        let name = f.properties["name"]?.stringValue
            ?? NSStringPath(path).lastComponentWithoutExtension
        return DefenseLine(name: name, parts: [ps.map(\.coordinate)], source: "\(path) features[0]")
    }
}

/// File-name helper without Foundation's NSString in the public surface.
struct NSStringPath {
    let path: String
    init(_ p: String) { path = p }
    var lastComponentWithoutExtension: String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { return String(last[..<dot]) }
        return last
    }
}

