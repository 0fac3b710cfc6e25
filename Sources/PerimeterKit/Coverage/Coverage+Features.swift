import Foundation
import Synchronization
import GeoJSON
import GeometryCore

extension Coverage {
    /// The coverage as GeoJSON features: one `coverage_circle` per site (its input properties
    /// kept, plus `site_id`, `radius_km`, `area_km2`, `vertices`, `tolerance_m`), then one
    /// `coverage_union` with `area_km2`, `perimeter_km`, `parts`, `holes` and `sites`. Geometries are in
    /// RFC 7946 form already: cut at ±180, a circle or union round a pole a cap closed along ±90.
    public func features(includeCircles: Bool = true,
                         threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [Feature] {
        var out: [Feature] = []
        if includeCircles {
            // Circles in chunks on `threads` threads (each with its own GEOS context), joined in order.
            let rings = try self.rings(threads: threads)
            let circles = self.circles, toleranceM = self.toleranceM
            let chunk = max(16, (circles.count + 4 * threads - 1) / (4 * max(1, threads)))
            let chunks = (circles.count + chunk - 1) / chunk
            let built = Mutex<[Int: Result<[Feature], any Error>]>([:])
            DispatchQueue.concurrentPerform(iterations: chunks) { k in
                let outcome = Result<[Feature], any Error> {
                    let context = GEOSContext()
                    return try ((k * chunk)..<min(circles.count, (k + 1) * chunk)).map { i in
                        try Self.circleFeature(circles[i], ring: rings[i], toleranceM: toleranceM, context: context)
                    }
                }
                built.withLock { $0[k] = outcome }
            }
            out = try built.withLock { r in try (0..<chunks).flatMap { try r[$0]!.get() } }
        }
        out.append(Feature(geometry: try GeoJSONGeometry(try union()), properties: unionProperties))
        return out
    }

    /// One circle's `coverage_circle` feature, from its ring.
    private static func circleFeature(_ circle: Circle, ring: [Coordinate], toleranceM: Double,
                                      context: GEOSContext) throws -> Feature {
        var p = JSONObject()
        p["layer"] = "coverage_circle"
        p["site_id"] = .string(circle.site.id)
        for (k, v) in circle.site.properties where p[k] == nil && k != "range_km" { p[k] = v }
        p["radius_km"] = .number(circle.radiusM / 1000)
        p["area_km2"] = .number(circle.areaM2(ofRing: ring) / 1e6)
        p["vertices"] = .integer(ring.count - 1)
        p["tolerance_m"] = .number(toleranceM)
        let pieces = try LonLatPlane.cut(ring: ring, context: context)
        let geometry: GeoJSONGeometry = pieces.count == 1
            ? .polygon([pieces[0].map { Position($0) }])
            : .multiPolygon(pieces.map { [$0.map { Position($0) }] })
        return Feature(geometry: geometry, properties: p)
    }

    /// Properties of the union feature.
    public var unionProperties: JSONObject {
        var p = JSONObject()
        p["layer"] = "coverage_union"
        p["area_km2"] = .number(areaM2 / 1e6)
        p["perimeter_km"] = .number(perimeterM / 1000)
        p["parts"] = .integer(parts)
        p["holes"] = .integer(holes)
        p["sites"] = .integer(circles.count)
        p["tolerance_m"] = .number(toleranceM)
        return p
    }
}
