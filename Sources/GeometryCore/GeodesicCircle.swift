import CPROJ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A geodesic circle: the points at geodesic distance `radius` metres from `center` (lon/lat degrees)
/// on an ellipsoid — a true circle on the ground, not a circle in degrees.
///
/// `ring(tolerance:)` approximates it with a polygon whose vertices lie exactly on the circle
/// (`geod_direct` at equal azimuth steps) and whose geodesic edges stay within `tolerance` metres of it.
///
/// **Ring convention**: closed (first vertex repeated at the end), counter-clockwise in lon/lat, first
/// vertex due north of the centre, and in **continuous longitudes**: the centre longitude is reduced to
/// [-180, 180) and every vertex longitude is unrolled from it, so a circle crossing the antimeridian has
/// longitudes beyond ±180 (e.g. 179.2 … 181.3) and the ring stays simple. Splitting at ±180 is the
/// writer's job (RFC 7946 §3.1.9). A circle that reaches over a pole has no simple lon/lat ring: asking
/// for its ring throws `GeodesicError.circleContainsPole`; `planarRing(tolerance:)` (GeodesicCircle+Planar)
/// gives any circle up to 10 000 km as a polygon of the lon/lat plane, a polar cap included.
public struct GeodesicCircle: Sendable, Hashable {
    /// The centre, lon/lat degrees.
    public var center: Coordinate
    /// The radius: geodesic distance in metres.
    public var radius: Double

    /// Fewest vertices a ring gets, whatever the tolerance.
    public static let minimumVertexCount = 8
    /// Most vertices a ring may get; a tolerance needing more throws `GeodesicError.tooManyVertices`.
    public static let maximumVertexCount = 100_000

    public init(center: Coordinate, radius: Double) {
        self.center = center
        self.radius = radius
    }

    /// The number of vertices for which the polygon's edges stay within `tolerance` metres of a circle
    /// of `radius` metres: n = ⌈π / acos(1 − tolerance/radius)⌉ (at least `minimumVertexCount`).
    ///
    /// This is the chord-to-arc error R(1 − cos(π/n)) of a plane circle. On the ellipsoid (Gaussian
    /// curvature > 0) a geodesic circle curves less than a plane circle of the same radius and its
    /// arcs between equal azimuth steps are shorter (reduced length m12 ≤ s12), so the geodesic
    /// chord's error is smaller still: the bound holds (the tests check chord midpoints). It is close
    /// (≈ 0.9–1 × tolerance) for radii up to ~2 000 km and conservative beyond (on a sphere the error
    /// shrinks by sin(2R/a)/(2R/a): ≈ 0.1 × tolerance at 9 000 km).
    /// - Throws: `GeodesicError.invalidParameter` for a non-positive radius or tolerance,
    ///   `.tooManyVertices` if more than `maximumVertexCount` would be needed.
    public static func vertexCount(radius: Double, tolerance: Double) throws -> Int {
        guard radius > 0, radius.isFinite else {
            throw GeodesicError.invalidParameter("circle radius \(radius) m must be positive and finite")
        }
        guard tolerance > 0, tolerance.isFinite else {
            throw GeodesicError.invalidParameter("circle tolerance \(tolerance) m must be positive and finite")
        }
        // acos(1 − x) = 2·asin(√(x/2)), which stays accurate for tiny x = tolerance/radius.
        let x = min(tolerance / radius, 2)
        let halfAngle = 2 * asin((x / 2).squareRoot())
        let n = (Double.pi / halfAngle).rounded(.up)
        guard n <= Double(maximumVertexCount) else {
            throw GeodesicError.tooManyVertices(needed: n.isFinite && n < 1e15 ? Int(n) : Int.max,
                                                maximum: maximumVertexCount)
        }
        return max(minimumVertexCount, Int(n))
    }

    /// The closed counter-clockwise ring (lon/lat degrees, continuous longitudes) whose geodesic edges
    /// are within `tolerance` metres of the circle. See the type's ring convention.
    public func ring(tolerance: Double, on geodesic: Geodesic = .wgs84) throws -> [Coordinate] {
        try ring(vertexCount: Self.vertexCount(radius: radius, tolerance: tolerance), on: geodesic)
    }

    /// The closed counter-clockwise ring with exactly `vertexCount` distinct vertices on the circle
    /// (`vertexCount + 1` coordinates with the closing one).
    public func ring(vertexCount: Int, on geodesic: Geodesic = .wgs84) throws -> [Coordinate] {
        guard vertexCount >= 3, vertexCount <= Self.maximumVertexCount else {
            throw GeodesicError.invalidParameter(
                "circle vertex count \(vertexCount) must be in 3…\(Self.maximumVertexCount)")
        }
        guard radius > 0, radius.isFinite else {
            throw GeodesicError.invalidParameter("circle radius \(radius) m must be positive and finite")
        }
        guard center.isFinite, abs(center.lat) <= 90 else {
            throw GeodesicError.invalidParameter("circle centre \(center) is not a finite lon/lat with |lat| ≤ 90°")
        }
        let lon0 = Geodesic.reducedLongitude(center.lon)
        let c = Coordinate(lon: lon0, lat: center.lat)
        for (name, lat) in [("north", 90.0), ("south", -90.0)] {
            let d = geodesic.distance(c, Coordinate(lon: lon0, lat: lat))
            if radius >= d {
                throw GeodesicError.circleContainsPole(center: center, radius: radius, pole: name, poleDistance: d)
            }
        }
        var out = [Coordinate]()
        out.reserveCapacity(vertexCount + 1)
        var lat2 = 0.0, lon2 = 0.0
        let flags = UInt32(GEOD_LONG_UNROLL.rawValue)
        withUnsafePointer(to: &geodesic.g) { gp in
            for i in 0..<vertexCount {
                // Decreasing azimuth (clockwise from north) walks the ring counter-clockwise.
                let azimuth = -360 * Double(i) / Double(vertexCount)
                _ = geod_gendirect(gp, c.lat, c.lon, azimuth, flags, radius, &lat2, &lon2,
                                   nil, nil, nil, nil, nil, nil)
                out.append(Coordinate(lon: lon2, lat: lat2))
            }
        }
        out.append(out[0])
        return out
    }
}
