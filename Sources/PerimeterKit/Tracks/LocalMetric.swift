import Foundation
import GeometryCore

/// Metres per degree of latitude and of longitude on an ellipsoid, for short distances.
///
/// `distance(_:_:)` uses the meridian and prime-vertical radii of curvature at the mid-latitude
/// (tangent-plane approximation). Its relative error grows as (d / R)²: below 1e-6 (1 mm per
/// km) up to 10 km, which the tests check against `Geodesic.inverse`. Longer lines use
/// `Geodesic`.
struct LocalMetric: Sendable {
    let a: Double
    let e2: Double

    init(_ geodesic: Geodesic) {
        a = geodesic.equatorialRadius
        e2 = geodesic.flattening * (2 - geodesic.flattening)
    }

    /// (metres per degree of longitude, metres per degree of latitude) at latitude `lat` (degrees).
    @inline(__always)
    func scales(atLatitude lat: Double) -> (Double, Double) {
        let phi = lat * (.pi / 180)
        let s = sin(phi), c = cos(phi)
        let w2 = 1 - e2 * s * s
        let w = w2.squareRoot()
        let n = a / w
        let m = a * (1 - e2) / (w2 * w)
        return (n * c * (.pi / 180), m * (.pi / 180))
    }

    /// Approximate geodesic distance in metres between two nearby lon/lat points.
    @inline(__always)
    func distance(_ p: Coordinate, _ q: Coordinate) -> Double {
        let (kx, ky) = scales(atLatitude: 0.5 * (p.y + q.y))
        let dx = (q.x - p.x) * kx, dy = (q.y - p.y) * ky
        return (dx * dx + dy * dy).squareRoot()
    }
}
