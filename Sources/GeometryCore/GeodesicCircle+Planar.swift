import CPROJ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Geodesic circles as polygons of the lon/lat plane, for any centre and radius up to
/// `maximumPlanarRadius`: circles near or around a pole and across the antimeridian included.
///
/// `ring(tolerance:)` promises geodesic edges within the tolerance; a GEOS overlay in lon/lat reads
/// the same vertices as straight lon/lat segments, which bow away from the geodesic near the poles
/// (by up to L²·tan φ / 8a for an edge of length L at latitude φ). `planarRing(tolerance:)` places
/// vertices so that both readings stay within the tolerance of the true circle.
extension GeodesicCircle {
    /// Largest radius a planar ring is built for: 10 000 km, just under the 10 001.97 km from any point to the
    /// farther pole, so a circle holds at most one pole and its lon/lat form is one simple polygon.
    public static let maximumPlanarRadius = 10_000_000.0

    /// Where the circle lies in the lon/lat plane.
    public struct PlanarExtent: Sendable, Hashable {
        /// The pole the circle contains: +1 north, −1 south, 0 none.
        public var pole: Int
        /// Southernmost and northernmost latitude on the circle (±90 for a contained pole).
        public var minLat: Double
        public var maxLat: Double
        /// A bound on |lon − centre lon| over the circle, degrees (180 when it reaches round a pole).
        public var lonHalfWidth: Double

        public var maximumAbsoluteLatitude: Double { max(abs(minLat), abs(maxLat)) }
    }

    /// The circle's pole, latitude range and longitude half-width. Two `geod_direct` calls (due north and
    /// due south give the extreme latitudes; going over a pole flips the longitude by 180°); the half-width
    /// is the sphere's asin(sin(R/N)/cos φ) for the prime-vertical radius N, widened by 2% + 1e-6°
    /// (the ellipsoid differs by O(f); `GeodesicCirclePlanarTests` checks it on random circles).
    public func planarExtent(on geodesic: Geodesic = .wgs84) -> PlanarExtent {
        if abs(center.lat) >= 90 {
            let rim = geodesic.direct(from: center, azimuth: 180, distance: radius).coordinate.lat
            return center.lat > 0 ? PlanarExtent(pole: 1, minLat: rim, maxLat: 90, lonHalfWidth: 180)
                                   : PlanarExtent(pole: -1, minLat: -90, maxLat: rim, lonHalfWidth: 180)
        }
        let north = geodesic.direct(from: center, azimuth: 0, distance: radius).coordinate
        let south = geodesic.direct(from: center, azimuth: 180, distance: radius).coordinate
        let overNorth = abs(remainder(north.lon - center.lon, 360)) > 90
        let overSouth = abs(remainder(south.lon - center.lon, 360)) > 90
        if overNorth || overSouth {
            return PlanarExtent(pole: overNorth ? 1 : -1, minLat: overSouth ? -90 : south.lat,
                                maxLat: overNorth ? 90 : north.lat, lonHalfWidth: 180)
        }
        let phi = center.lat * .pi / 180
        let e2 = geodesic.flattening * (2 - geodesic.flattening)
        let n = geodesic.equatorialRadius / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
        let s = sin(min(radius / n, .pi / 2)) / cos(phi)
        let half = s >= 0.999 ? 180 : min(180, asin(s) * 180 / .pi * 1.02 + 1e-6)
        return PlanarExtent(pole: 0, minLat: south.lat, maxLat: north.lat, lonHalfWidth: half)
    }

    /// Whether straight lon/lat edges between equal-azimuth vertices are good enough without checking
    /// each: no pole inside, |φ| < 89° and 1.5·R·tan φmax/a ≤ 1 (see `planarVertexCount`). Most coverage
    /// (mid-latitudes, radii up to a few hundred km) is such; it gets no per-edge test.
    public func hasUniformPlanarRing(extent: PlanarExtent, on geodesic: Geodesic = .wgs84) -> Bool {
        guard extent.pole == 0, extent.lonHalfWidth < 180 else { return false }
        let phi = extent.maximumAbsoluteLatitude
        guard phi < 89 else { return false }
        return Self.lonLatBowFactor * radius * tan(phi * .pi / 180) / geodesic.equatorialRadius <= 1
    }

    /// Safety factor on the bow L²·tan φ/8a of a straight lon/lat edge (1 for an east–west edge on a sphere).
    public static let lonLatBowFactor = 1.5

    /// Vertex count for a uniform planar ring: the chord error R·π²/2n² plus the lon/lat bow
    /// π²R²·1.5·tan φmax/(2a·n²) stays within `tolerance`, so n = n_tol·√(1 + 1.5·R·tan φmax/a).
    public func planarVertexCount(tolerance: Double, extent: PlanarExtent, on geodesic: Geodesic = .wgs84) throws -> Int {
        let n = try Self.vertexCount(radius: radius, tolerance: tolerance)
        let phi = min(89, extent.maximumAbsoluteLatitude) * .pi / 180
        let k = (1 + Self.lonLatBowFactor * radius * tan(phi) / geodesic.equatorialRadius).squareRoot()
        return min(Self.maximumVertexCount, max(n, Int((Double(n) * k).rounded(.up))))
    }

    /// Distance of an n-gon's vertices from the centre, over the radius, that gives the n-gon the circle's
    /// area: √(2π / (n·sin(2π/n))) (plane formula; 1 + (π/n)²/3 + …). Vertices lie outside the circle by
    /// ⅔ of the inscribed n-gon's chord error, chord midpoints inside by ⅓ of it, so the polygon is still
    /// within the tolerance everywhere and its area carries no systematic deficit (an inscribed polygon
    /// loses 4/3 · tolerance/R of the area: 0.13 % for 1 km at 1 m).
    public static func equalAreaVertexFactor(_ n: Int) -> Double {
        let t = 2 * Double.pi / Double(max(3, n))
        return (t / sin(t)).squareRoot()
    }

    /// The largest vertex distance `planarRing(tolerance:)` uses (metres): a box holding the circle of
    /// this radius holds the ring.
    public func planarVertexRadius(tolerance: Double) throws -> Double {
        radius * Self.equalAreaVertexFactor(try Self.vertexCount(radius: radius, tolerance: tolerance))
    }

    /// The circle as one closed ring of the lon/lat plane whose straight lon/lat edges and whose geodesic
    /// edges both stay within `tolerance` metres of the true circle; counter-clockwise. Vertices sit at
    /// `equalAreaVertexFactor` × radius, so the polygon has the circle's area (to second order).
    ///
    /// Longitudes are continuous, starting from the centre's reduced longitude (so they may pass ±180;
    /// cutting is the caller's job). A circle that contains a pole runs once round in longitude (360°)
    /// and is closed along that pole's latitude (±90), which is how RFC 7946 §3.1.9 draws a polar cap.
    /// Circles with `hasUniformPlanarRing` get `planarVertexCount` equal-azimuth vertices; others start
    /// from the tolerance's count and split every edge whose lon/lat midpoint is more than `tolerance`
    /// from the circle (at the mid azimuth, recursively).
    /// - Throws: `GeodesicError.invalidParameter` for a radius above `maximumPlanarRadius`, a
    ///   non-positive radius or tolerance, or an invalid centre.
    public func planarRing(tolerance: Double, on geodesic: Geodesic = .wgs84) throws -> [Coordinate] {
        guard radius > 0, radius.isFinite else {
            throw GeodesicError.invalidParameter("circle radius \(radius) m must be positive and finite")
        }
        guard radius <= Self.maximumPlanarRadius else {
            throw GeodesicError.invalidParameter(String(
                format: "circle radius %.3f km exceeds the maximum %.0f km (a larger circle would hold both poles)",
                radius / 1000, Self.maximumPlanarRadius / 1000))
        }
        guard center.isFinite, abs(center.lat) <= 90 else {
            throw GeodesicError.invalidParameter("circle centre \(center) is not a finite lon/lat with |lat| ≤ 90°")
        }
        let extent = planarExtent(on: geodesic)
        let uniform = hasUniformPlanarRing(extent: extent, on: geodesic)
        let n = uniform ? try planarVertexCount(tolerance: tolerance, extent: extent, on: geodesic)
                        : try Self.vertexCount(radius: radius, tolerance: tolerance)
        let lon0 = Geodesic.reducedLongitude(center.lon)
        let c = Coordinate(lon: lon0, lat: center.lat)
        let sampler = CircleSampler(center: c, radius: radius, vertexRadius: radius * Self.equalAreaVertexFactor(n), geodesic: geodesic)
        var points: [Coordinate] = []
        points.reserveCapacity(n + 1)
        if uniform {
            for i in 0...n { points.append(sampler.point(azimuth: -360 * Double(i) / Double(n))) }
            points[n] = points[0]
            Self.unroll(&points, from: lon0)
            return points
        }
        // Adaptive: equal steps, then each edge split until its lon/lat midpoint lies within tolerance.
        var vertices = [sampler.point(azimuth: 0)]
        Self.unroll(&vertices, from: lon0)
        for i in 1...n {
            let az = -360 * Double(i) / Double(n)
            var p = sampler.point(azimuth: az)
            p.x = vertices[vertices.count - 1].x + Self.wrappedStep(p.x - vertices[vertices.count - 1].x)
            let previous = (az: -360 * Double(i - 1) / Double(n), p: vertices[vertices.count - 1])
            refine(from: previous, to: (az, p), sampler: sampler, tolerance: tolerance, depth: 0, into: &vertices)
        }
        points = vertices
        // A ring around a pole ends one turn (±360°) from where it began: close it along the pole.
        let turn = points[points.count - 1].x - points[0].x
        if abs(turn) > 180 {
            let poleLat: Double = turn > 0 ? 90 : -90
            points[points.count - 1] = Coordinate(lon: points[0].x + (turn / 360).rounded() * 360, lat: points[0].y)
            points.append(Coordinate(lon: points[points.count - 1].x, lat: poleLat))
            points.append(Coordinate(lon: points[0].x, lat: poleLat))
            points.append(points[0])
        } else {
            points[points.count - 1] = points[0]
        }
        return points
    }

    /// Appends the vertices after `a` up to and including `b`, inserting mid-azimuth vertices while the
    /// lon/lat midpoint of an edge is more than `tolerance` from the circle.
    private func refine(
        from a: (az: Double, p: Coordinate), to b: (az: Double, p: Coordinate), sampler: CircleSampler,
        tolerance: Double, depth: Int, into vertices: inout [Coordinate]
    ) {
        let mid = Coordinate(lon: (a.p.x + b.p.x) / 2, lat: (a.p.y + b.p.y) / 2)
        if depth < 24, abs(sampler.distance(to: mid) - radius) > tolerance {
            let az = (a.az + b.az) / 2
            var m = sampler.point(azimuth: az)
            m.x = a.p.x + Self.wrappedStep(m.x - a.p.x)
            refine(from: a, to: (az, m), sampler: sampler, tolerance: tolerance, depth: depth + 1, into: &vertices)
            refine(from: (az, m), to: b, sampler: sampler, tolerance: tolerance, depth: depth + 1, into: &vertices)
            return
        }
        vertices.append(b.p)
    }

    /// Makes consecutive longitudes differ by less than 180°, the first one taken near `lon0`.
    static func unroll(_ points: inout [Coordinate], from lon0: Double) {
        guard !points.isEmpty else { return }
        points[0].x = lon0 + wrappedStep(points[0].x - lon0)
        for i in points.indices.dropFirst() {
            points[i].x = points[i - 1].x + wrappedStep(points[i].x - points[i - 1].x)
        }
    }

    /// `remainder(d, 360)`, which is `d` itself for |d| ≤ 180 (the remainder is exact and its quotient
    /// rounds to 0 there, ties to even): glibc's `remainder` is slow, and ring steps are short.
    @inline(__always) static func wrappedStep(_ d: Double) -> Double {
        abs(d) <= 180 ? d : remainder(d, 360)
    }
}

/// Points on, and distances from the centre of, one circle (PROJ's geod_* on an immutable copy).
private struct CircleSampler {
    let center: Coordinate
    let radius: Double
    /// Where vertices go (a little beyond `radius`, see `equalAreaVertexFactor`).
    let vertexRadius: Double
    let geodesic: Geodesic

    func point(azimuth: Double) -> Coordinate {
        geodesic.directPoint(from: center, azimuth: azimuth, distance: vertexRadius)
    }

    func distance(to p: Coordinate) -> Double { geodesic.distance(center, p) }
}
