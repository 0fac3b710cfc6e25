import Foundation
import Synchronization
import GeoJSON
import GeometryCore

/// Geodesic coverage of a set of sites: one circle per site and their union.
///
/// Circles are true geodesic circles on the WGS84 ellipsoid (`GeodesicCircle`), polygons whose
/// edges — read as geodesics or as straight lon/lat segments — stay within `toleranceM` of the circle
/// (`GeodesicCircle.planarRing`), anywhere: near and round the poles, across ±180°, radii up to
/// `GeodesicCircle.maximumPlanarRadius` (10 000 km). The union is computed in the lon/lat plane
/// [-180, 180] × [-90, 90] (`LonLatPlane`), which is RFC 7946's own form: already cut at ±180, a
/// union round a pole is a polar cap closed along ±90. Area, perimeter, parts and holes are those
/// of the one surface on the ellipsoid (`CoverageUnionMeasures`).
public struct Coverage: Sendable {
    /// One site's coverage circle.
    public struct Circle: Sendable {
        public var site: Site
        /// Radius used, metres.
        public var radiusM: Double
        /// The centre (lon/lat degrees, longitude in [-180, 180)).
        public var center: Coordinate

        /// The closed counter-clockwise ring in continuous longitudes from the centre's (see
        /// `GeodesicCircle.planarRing`: a circle round a pole is closed along ±90), within `toleranceM`
        /// of the circle. Built on demand (geodesic work).
        public func ring(toleranceM: Double) throws -> [Coordinate] {
            try GeodesicCircle(center: center, radius: radiusM).planarRing(tolerance: toleranceM)
        }

        /// The circle as closed shells within [-180, 180] (two when it crosses the antimeridian).
        public func polygons(toleranceM: Double, context: GEOSContext = GEOSContext()) throws -> [[Coordinate]] {
            try LonLatPlane.cut(ring: ring(toleranceM: toleranceM), context: context)
        }

        /// Ellipsoidal area of the polygon `ring`, m², measured in an equal-area projection
        /// centred on the site: the polygon's area to < 1 ppm (see EqualAreaProjectionTests), 5×
        /// cheaper than Karney's polygon area.
        public func areaM2(ofRing ring: [Coordinate]) -> Double {
            EqualAreaProjection(center: center).area(ofRing: ring)
        }
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
    /// Every circle's ring (`Circle.ring`), when `build` was asked to keep them: computed once, used by
    /// the union and by `features` (nil: `features` builds them).
    var keptRings: [[Coordinate]]? = nil

    /// The union as a GEOS geometry owned by `context`.
    public func union(context: GEOSContext = GEOSContext()) throws -> Geometry {
        try Geometry(wkb: unionWKB, context: context)
    }

    /// Every circle's ring (see `Circle.ring`, continuous longitudes), built on `threads` threads.
    public func rings(threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [[Coordinate]] {
        if let keptRings { return keptRings }
        return try Self.rings(of: circles, toleranceM: toleranceM, threads: threads)
    }

    /// The rings of `circles`, built on `threads` threads, in order.
    static func rings(of circles: [Circle], toleranceM: Double, threads: Int) throws -> [[Coordinate]] {
        guard !circles.isEmpty else { return [] }
        let built = Mutex<[Int: Result<[[Coordinate]], any Error>]>([:])
        let chunk = max(1, (circles.count + 4 * threads - 1) / (4 * max(1, threads)))
        let chunks = (circles.count + chunk - 1) / chunk
        let tolerance = toleranceM
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            let outcome = Result<[[Coordinate]], any Error> {
                try circles[(k * chunk)..<min(circles.count, (k + 1) * chunk)].map { try $0.ring(toleranceM: tolerance) }
            }
            built.withLock { $0[k] = outcome }
        }
        return try built.withLock { r in try (0..<chunks).flatMap { try r[$0]!.get() } }
    }

    /// Builds the circles (radius = each site's `rangeM`) and their union; rings are built only
    /// where the union needs them (see `TiledCircleUnion`), or, with `keepRings`, every ring once up
    /// front, shared by the union and by `features` (the same rings, so the same union and output).
    /// - Parameters:
    ///   - toleranceM: maximum distance between a polygon edge and the true circle, metres.
    ///   - threads: threads for the union (default: all cores).
    ///   - keepRings: build and keep every circle's ring (when every circle will be written).
    ///   - progress: reports circles unioned.
    public static func build(
        sites: [Site], toleranceM: Double = 10, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        keepRings: Bool = false, progress: ProgressSink? = nil
    ) throws -> Coverage {
        guard toleranceM.isFinite, toleranceM > 0 else {
            throw DomainError.invalidParameter("--tolerance-m must be a positive number of metres, got \(toleranceM)")
        }
        guard !sites.isEmpty else {
            throw DomainError.invalidParameter("no sites to cover")
        }
        let geod = Geodesic.wgs84
        for site in sites {
            guard site.position.isFinite, abs(site.position.lat) <= 90 else {
                throw DomainError.invalidInput(source: "site \(site.id)", message: "position \(site.position) is not a valid lon/lat")
            }
            guard site.rangeM > 0, site.rangeM <= GeodesicCircle.maximumPlanarRadius else {
                throw DomainError.invalidInput(source: "site \(site.id)", message: String(
                    format: "range %.3f km must be positive and at most the maximum of %.0f km (a larger circle could contain both poles)",
                    site.rangeM / 1000, GeodesicCircle.maximumPlanarRadius / 1000))
            }
        }
        let circles = sites.map { site in
            Circle(site: site, radiusM: site.rangeM,
                   center: Coordinate(lon: site.position.lon - 360 * ((site.position.lon + 180) / 360).rounded(.down), lat: site.position.lat))
        }
        let ctx = GEOSContext()
        let kept = keepRings ? try rings(of: circles, toleranceM: toleranceM, threads: max(1, threads)) : nil
        let plan = try UnionPlan(circles: circles, toleranceM: toleranceM, threads: max(1, threads), rings: kept, context: ctx)
        var report: (@Sendable (Int, Int) -> Void)?
        if let progress {
            report = { done, tiles in progress(done, tiles, "tiles") }
        }
        let shells = plan.shells
        // Rings built on demand are shared by the threads (a circle on the border of tiles of both
        // threads is built once; building is deterministic, so sharing changes nothing else).
        let onDemand = Mutex<[Int: [Coordinate]]>([:])
        let tiled = try TiledCircleUnion.union(
            circles: circles.map { ($0.center, $0.radiusM) }, items: plan.items,
            shell: { i in
                if let shell = shells[i] { return shell }
                let circle = plan.items[i].circle
                if let kept { return kept[circle] }
                if let built = onDemand.withLock({ $0[circle] }) { return built }
                let built = try circles[circle].ring(toleranceM: toleranceM)
                onDemand.withLock { $0[circle] = built }
                return built
            },
            toleranceM: toleranceM, threads: max(1, threads), context: ctx, progress: report)
        let union = try LonLatPlane.withPoleEdgesSplit(tiled, context: ctx)
        let measures = CoverageUnionMeasures(polygons: try union.polygonRings, geodesic: geod)
        return Coverage(
            circles: circles, unionWKB: try union.wkb, areaM2: measures.areaM2, perimeterM: measures.perimeterM,
            parts: measures.parts, holes: measures.holes, toleranceM: toleranceM, keptRings: kept)
    }
}

/// Which polygons the tiled union gets: a circle away from the poles and the antimeridian is one item,
/// its box from `GeodesicCircle.planarExtent` and its ring built only if a tile needs it; any other circle
/// (near or round a pole, crossing ±180) is built now, cut by `LonLatPlane`, one item per piece.
struct UnionPlan {
    var items: [TiledCircleUnion.Item] = []
    /// The shell of each item built up front (nil: built on demand from its circle).
    var shells: [[Coordinate]?] = []

    /// - Parameter rings: every circle's ring when already built (else the eager ones are built here).
    init(circles: [Coverage.Circle], toleranceM: Double, threads: Int, rings known: [[Coordinate]]? = nil, context: GEOSContext) throws {
        let geod = Geodesic.wgs84
        var eager: [Int] = []
        for (i, c) in circles.enumerated() {
            let circle = GeodesicCircle(center: c.center, radius: c.radiusM)
            // The box must hold the ring's vertices, which lie a little beyond the radius.
            let vertexRadius = try circle.planarVertexRadius(tolerance: toleranceM) * (1 + 1e-9)
            let extent = GeodesicCircle(center: c.center, radius: vertexRadius).planarExtent(on: geod)
            let west = c.center.x - extent.lonHalfWidth, east = c.center.x + extent.lonHalfWidth
            if circle.hasUniformPlanarRing(extent: extent, on: geod), west >= -180, east <= 180 {
                let pad = 1e-9
                items.append(.init(circle: i, box: Bounds(minX: west, minY: extent.minLat - pad, maxX: east, maxY: extent.maxLat + pad)))
                shells.append(nil)
            } else {
                eager.append(i)
            }
        }
        // Rings of the other circles (already built, or built now on `threads` threads), then cut here.
        let list = eager
        let rings = try known.map { k in list.map { k[$0] } }
            ?? Coverage.rings(of: list.map { circles[$0] }, toleranceM: toleranceM, threads: threads)
        for (k, i) in list.enumerated() {
            for piece in try LonLatPlane.cut(ring: rings[k], context: context) {
                items.append(.init(circle: i, box: LonLatPlane.bounds(piece)))
                shells.append(piece)
            }
        }
    }
}
