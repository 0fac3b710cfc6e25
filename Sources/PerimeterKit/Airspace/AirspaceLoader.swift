import Foundation
import GeoJSON
import GeometryCore

/// Loads airspace polygons from GeoJSON files, checked with GEOS before use.
///
/// Every feature must be a `Polygon` or `MultiPolygon` (lon/lat degrees WGS84) and valid in the
/// OGC sense (GEOS `isValid`): a self-intersecting ring is an error naming the file, the feature
/// and GEOS's reason with its location. The features of one file are merged (GEOS unary union)
/// into one `AirspacePolygon`.
public enum AirspaceLoader {
    /// The airspace of a GeoJSON file: every Polygon/MultiPolygon feature (all of them, or those
    /// `select` accepts), validated and unioned. Throws `DomainError.invalidInput` naming the file.
    /// A feature whose GEOS check would take hours (see `ValidityCheckCost`: a star with
    /// 100,000 spikes) is not checked; `warn` gets one line saying so (default: stderr).
    public static func polygon(file: String, name: String, select: ((Feature) -> Bool)? = nil,
                               allowOtherGeometries: Bool = false,
                               warn: (String) -> Void = { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) throws -> AirspacePolygon {
        let collection: FeatureCollection
        do { collection = try GeoJSONReader.read(contentsOf: file) } catch {
            var located = error
            located.file = nil
            throw DomainError.invalidInput(source: file, message: located.description)
        }
        let context = GEOSContext()
        var geometries: [Geometry] = []
        for (k, feature) in collection.features.enumerated() {
            if let select, !select(feature) { continue }
            switch feature.geometry {
            case .polygon?, .multiPolygon?:
                break
            default:
                if allowOtherGeometries { continue }
                throw DomainError.invalidInput(
                    source: file, message: "features[\(k)].geometry: an airspace must be a Polygon or MultiPolygon, found \(feature.geometry?.typeName ?? "null")")
            }
            let g = try feature.geometry!.geosGeometry(context: context)
            if !ValidityCheckCost.isAffordable(feature.geometry!) {
                warn("\(file): features[\(k)]: validity not checked (chains of edges overlap too much for GEOS, e.g. a star with thousands of spikes); a self-intersecting polygon is read with the even-odd rule")
            } else if let problem = try g.validityProblem {
                let at = problem.location.map { String(format: " at %.6f %.6f", $0.x, $0.y) } ?? ""
                throw DomainError.invalidInput(
                    source: file, message: "features[\(k)]: invalid polygon (GEOS: \(problem.reason)\(at))")
            }
            geometries.append(g)
        }
        guard !geometries.isEmpty else {
            throw DomainError.invalidInput(source: file, message: "no Polygon or MultiPolygon feature")
        }
        let merged = geometries.count == 1 ? geometries[0] : try Geometry.unionAll(geometries, context: context)
        return try AirspacePolygon(merged, name: name, source: file)
    }

    /// An `AirspacePolygon` from a GeoJSON (multi)polygon read from a file (see
    /// ``AirspacePolygon/init(_:name:source:)``).
    public static func airspace(_ geometry: GeoJSONGeometry, name: String, source: String) throws -> AirspacePolygon {
        try AirspacePolygon(geometry.geosGeometry(), name: name, source: source)
    }

    /// Country `code` in `countries.geojson`: the features with that `id`, or, when no feature has it, those
    /// with that `iso2` and no `id`.
    static func countryMatch(_ code: String, in collection: FeatureCollection) -> (Feature) -> Bool {
        let hasID = collection.features.contains { $0.properties["id"]?.stringValue == code }
        return { f in
            hasID ? f.properties["id"]?.stringValue == code
                  : f.properties["iso2"]?.stringValue == code && f.properties["id"] == nil
        }
    }

    /// The national airspace of `iso` (`EE`, `PL`, `RU-KGD`, …): `airspace/<ISO>.geojson` in the
    /// GeoData directory (land + territorial sea) when present; otherwise the land polygon of
    /// `countries.geojson` (matched by `id` or `iso2`) with a warning that the territorial sea is missing.
    public static func national(iso: String, geodata: String) throws -> (airspace: AirspacePolygon, source: String, warning: String?) {
        let code = iso.uppercased()
        let file = GeoDataLocator.file("airspace/\(code).geojson", in: geodata)
        if FileManager.default.fileExists(atPath: file) {
            return (try polygon(file: file, name: code), file, nil)
        }
        let countries = GeoDataLocator.file("countries.geojson", in: geodata)
        let collection = try GeoJSONReader.read(contentsOf: countries)
        let matches = countryMatch(code, in: collection)
        guard collection.features.contains(where: matches) else {
            let known = collection.features.compactMap { $0.properties["id"]?.stringValue ?? $0.properties["iso2"]?.stringValue }
            throw DomainError.unknownName(kind: "airspace", name: iso, known: known)
        }
        let airspace = try polygon(file: countries, name: code, select: matches)
        return (airspace, countries, "no \(file); using the land polygon of countries.geojson for \(code) (no territorial sea)")
    }
}
