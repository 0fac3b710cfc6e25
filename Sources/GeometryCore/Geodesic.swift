import CPROJ

/// Geodesics on an ellipsoid of revolution, through PROJ's implementation of Karney's
/// algorithms (`geodesic.h`: `geod_inverse`, `geod_direct`, `geod_polygonarea`).
///
/// Positions are lon/lat in degrees on the ellipsoid; distances are metres; azimuths are degrees
/// clockwise from north in [-180, 180]; areas are square metres.
///
/// A `Geodesic` is immutable after initialisation and may be shared freely across threads: PROJ's
/// `geod_geodesic` lives in heap storage that `geod_init` fills once, in `init`, before the object is
/// published; afterwards it is only ever read (PROJ's `geod_*` functions take it as `const`). No Swift
/// `var` is shared, so `@unchecked Sendable` rests on that single write.
public final class Geodesic: @unchecked Sendable {
    /// The ellipsoid's parameters, written once by `geod_init` and read-only afterwards.
    @usableFromInline let g: UnsafePointer<geod_geodesic>

    /// Equatorial radius in metres.
    public let equatorialRadius: Double
    /// Flattening (0 for a sphere).
    public let flattening: Double

    /// An ellipsoid given by its equatorial radius `a` (metres) and flattening `f`.
    public init(equatorialRadius a: Double, flattening f: Double) {
        equatorialRadius = a
        flattening = f
        let storage = UnsafeMutablePointer<geod_geodesic>.allocate(capacity: 1)
        storage.initialize(to: geod_geodesic())
        geod_init(storage, a, f)
        g = UnsafePointer(storage)
    }

    deinit {
        UnsafeMutablePointer(mutating: g).deallocate()
    }

    /// Calls `body` with PROJ's read-only `geod_geodesic` (for the `geod_*` functions).
    @inlinable func withGeod<R>(_ body: (UnsafePointer<geod_geodesic>) throws -> R) rethrows -> R {
        try body(g)
    }

    /// The WGS84 ellipsoid (a = 6 378 137 m, 1/f = 298.257223563).
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// The solution of an inverse problem: the shortest geodesic between two points.
    public struct Inverse: Sendable, Hashable {
        /// Geodesic distance in metres.
        public var distance: Double
        /// Forward azimuth at the first point, degrees clockwise from north.
        public var azimuth1: Double
        /// Forward azimuth at the second point, degrees clockwise from north.
        public var azimuth2: Double

        public init(distance: Double, azimuth1: Double, azimuth2: Double) {
            self.distance = distance
            self.azimuth1 = azimuth1
            self.azimuth2 = azimuth2
        }
    }

    /// The solution of a direct problem.
    public struct Direct: Sendable, Hashable {
        /// The end point, lon/lat degrees.
        public var coordinate: Coordinate
        /// Forward azimuth at the end point, degrees clockwise from north.
        public var azimuth2: Double

        public init(coordinate: Coordinate, azimuth2: Double) {
            self.coordinate = coordinate
            self.azimuth2 = azimuth2
        }
    }

    /// Inverse problem: distance (m) and azimuths (°) between two lon/lat points.
    @inlinable public func inverse(_ p1: Coordinate, _ p2: Coordinate) -> Inverse {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withGeod { gp in
            geod_inverse(gp, p1.y, p1.x, p2.y, p2.x, &s12, &azi1, &azi2)
        }
        return Inverse(distance: s12, azimuth1: azi1, azimuth2: azi2)
    }

    /// Geodesic distance in metres between two lon/lat points.
    @inlinable public func distance(_ p1: Coordinate, _ p2: Coordinate) -> Double {
        inverse(p1, p2).distance
    }

    /// Direct problem: the point reached from `start` along `azimuth` (°) after `distance` (m).
    /// The returned longitude is reduced to [-180, 180].
    @inlinable public func direct(from start: Coordinate, azimuth: Double, distance: Double) -> Direct {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        withGeod { gp in
            geod_direct(gp, start.y, start.x, azimuth, distance, &lat2, &lon2, &azi2)
        }
        return Direct(coordinate: Coordinate(lon: lon2, lat: lat2), azimuth2: azi2)
    }

    /// The end point of the direct problem alone: bit for bit `direct(from:azimuth:distance:).coordinate`
    /// (PROJ computes the latitude and longitude the same way whether or not the end azimuth is asked
    /// for), without the end azimuth's `atan2` — the hot path of circle rings.
    @inlinable public func directPoint(from start: Coordinate, azimuth: Double, distance: Double) -> Coordinate {
        var lat2 = 0.0, lon2 = 0.0
        withGeod { gp in
            _ = geod_gendirect(gp, start.y, start.x, azimuth, 0, distance, &lat2, &lon2, nil, nil, nil, nil, nil, nil)
        }
        return Coordinate(lon: lon2, lat: lat2)
    }
}
