import Foundation

/// The ellipsoidal Lambert azimuthal equal-area projection centred on a point (Snyder 1987,
/// "Map Projections — A Working Manual", USGS PP 1395, pp. 182–190), in plain Swift so that
/// many small polygons can be measured without building a PROJ transformer for each.
///
/// Equal-area means a planar (shoelace) area of projected coordinates is the ellipsoidal area of
/// the same region; polygons whose edges are short compared with their distance from the centre
/// measure as if their edges were geodesics to well under a part per million. Input lon/lat
/// degrees; output metres east/north of the centre. Checked against PROJ's `+proj=laea` in tests.
public struct EqualAreaProjection: Sendable {
    public let center: Coordinate
    private let a: Double
    private let e: Double
    private let e2: Double
    private let qp: Double
    private let rq: Double
    private let sinBeta1: Double
    private let cosBeta1: Double
    private let d: Double

    /// - Parameters:
    ///   - center: the projection centre, lon/lat degrees.
    ///   - geodesic: the ellipsoid (WGS84 by default).
    public init(center: Coordinate, on geodesic: Geodesic = .wgs84) {
        self.center = center
        a = geodesic.equatorialRadius
        let f = geodesic.flattening
        e2 = f * (2 - f)
        e = e2.squareRoot()
        let qPole = Self.q(sinPhi: 1, e: e, e2: e2)
        qp = qPole
        rq = a * (qPole / 2).squareRoot()
        let phi1 = center.lat * .pi / 180
        let sinPhi1 = sin(phi1)
        let beta1 = asin(max(-1, min(1, Self.q(sinPhi: sinPhi1, e: e, e2: e2) / qPole)))
        sinBeta1 = sin(beta1)
        cosBeta1 = cos(beta1)
        let m1 = cos(phi1) / (1 - e2 * sinPhi1 * sinPhi1).squareRoot()
        d = cosBeta1 == 0 ? 1 : a * m1 / (rq * cosBeta1)
    }

    /// Snyder's q(φ) (eq. 3-12).
    private static func q(sinPhi s: Double, e: Double, e2: Double) -> Double {
        guard e > 0 else { return 2 * s }
        return (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * log((1 - e * s) / (1 + e * s)))
    }

    /// Projected metres (x east, y north) of a lon/lat point.
    @inlinable public func forward(_ c: Coordinate) -> Coordinate {
        forwardImpl(c)
    }

    @usableFromInline func forwardImpl(_ c: Coordinate) -> Coordinate {
        let sinPhi = sin(c.lat * .pi / 180)
        let beta = asin(max(-1, min(1, Self.q(sinPhi: sinPhi, e: e, e2: e2) / qp)))
        let sinBeta = sin(beta), cosBeta = cos(beta)
        let dLon = (c.lon - center.lon) * .pi / 180
        let cosDLon = cos(dLon)
        let denominator = 1 + sinBeta1 * sinBeta + cosBeta1 * cosBeta * cosDLon
        let b = rq * (2 / max(denominator, 1e-300)).squareRoot()
        return Coordinate(x: b * d * cosBeta * sin(dLon), y: (b / d) * (cosBeta1 * sinBeta - sinBeta1 * cosBeta * cosDLon))
    }

    /// Area in m² (≥ 0) of a ring of lon/lat points, measured in this projection.
    public func area(ofRing ring: [Coordinate]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var previous = forward(ring[ring.count - 1])
        for c in ring {
            let p = forward(c)
            sum += previous.x * p.y - p.x * previous.y
            previous = p
        }
        return abs(sum) / 2
    }
}
