import Foundation
import GeoJSON
import GeometryCore

/// Geodesic coverage of a set of sites: one circle per site and their union.
///
/// Circles are true geodesic circles on the WGS84 ellipsoid (`GeodesicCircle`), polygons whose
/// chord-to-arc error stays within `toleranceM`. All longitudes are continuous around the first
/// site's (they may pass ±180 near the antimeridian); `GeoJSONWriter` cuts output at ±180.
public struct Coverage: Sendable {
    /// One site's coverage circle.
    public struct Circle: Sendable {
        public var site: Site
        /// Radius used, metres.
        public var radiusM: Double
        /// Closed counter-clockwise ring, lon/lat degrees (continuous longitudes).
        public var ring: [Coordinate]
        /// Geodesic area of the polygon, m².
        public var areaM2: Double
    }

    public var circles: [Circle]
    /// The union of all circles as WKB (lon/lat); rebuild with `union(context:)`.
    public var unionWKB: [UInt8]
    /// Geodesic area of the union, m².
    public var areaM2: Double
    /// Geodesic length of the union's boundary (holes included), metres.
    public var perimeterM: Double
    /// Number of separate polygons in the union.
    public var parts: Int
    /// Number of holes (uncovered islands inside covered area) in the union.
    public var holes: Int
    /// The chord-to-arc tolerance the circles were built with, metres.
    public var toleranceM: Double

    /// The union as a GEOS geometry owned by `context`.
    public func union(context: GEOSContext = GEOSContext()) throws -> Geometry {
        try Geometry(wkb: unionWKB, context: context)
    }

    /// Builds the circles (radius = each site's `rangeM`) and their union.
    /// - Parameters:
    ///   - toleranceM: maximum distance between a polygon edge and the true circle, metres.
    ///   - threads: threads for the union (default: all cores).
    ///   - progress: reports circles unioned.
    public static func build(
        sites: [Site], toleranceM: Double = 10, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: ProgressSink? = nil
    ) throws -> Coverage {
        guard toleranceM.isFinite, toleranceM > 0 else {
            throw DomainError.invalidParameter("--tolerance-m must be a positive number of metres, got \(toleranceM)")
        }
        guard let reference = sites.first?.position.lon else {
            throw DomainError.invalidParameter("no sites to cover")
        }
        let geod = Geodesic.wgs84
        var circles: [Circle] = []
        circles.reserveCapacity(sites.count)
        for site in sites {
            guard site.position.isFinite, abs(site.position.lat) <= 90 else {
                throw DomainError.invalidInput(source: "site \(site.id)", message: "position \(site.position) is not a valid lon/lat")
            }
            var ring = try GeodesicCircle(center: site.position, radius: site.rangeM).ring(tolerance: toleranceM, on: geod)
            // Keep every circle in one continuous longitude frame around the first site.
            let shift = ((reference - ring[0].x) / 360).rounded() * 360
            if shift != 0 { for i in ring.indices { ring[i].x += shift } }
            let area = geod.areaAndPerimeter(ofRing: ring).area
            circles.append(Circle(site: site, radiusM: site.rangeM, ring: ring, areaM2: area))
        }
        let total = sites.count
        let ctx = GEOSContext()
        var report: (@Sendable (Int) -> Void)?
        if let progress {
            report = { done in progress(done, total, "circles") }
        }
        let union = try ParallelPolygonUnion.union(
            rings: circles.map(\.ring), threads: max(1, threads), context: ctx, progress: report)
        let measures = try union.geodesicAreaPerimeter(on: geod)
        let polygons = try union.polygonRings
        return Coverage(
            circles: circles, unionWKB: try union.wkb, areaM2: measures.area, perimeterM: measures.perimeter,
            parts: polygons.count, holes: polygons.reduce(0) { $0 + $1.count - 1 }, toleranceM: toleranceM)
    }
}
