/// A 2-D position.
///
/// For a geographic CRS (WGS84, EPSG:4326 and the like) `x` is the **longitude** and `y` the
/// **latitude**, both in degrees: Perimeter keeps lon/lat (x/y) order at every public surface,
/// whatever axis order a CRS definition declares. For a projected CRS `x`/`y` are easting and
/// northing in that CRS's unit (metres for every CRS Perimeter ships).
public struct Coordinate: Hashable, Sendable {
    public var x: Double
    public var y: Double

    @inlinable public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Longitude and latitude in degrees (WGS84 unless stated otherwise).
    @inlinable public init(lon: Double, lat: Double) {
        self.x = lon
        self.y = lat
    }

    /// Longitude in degrees (the same value as `x`).
    @inlinable public var lon: Double { x }
    /// Latitude in degrees (the same value as `y`).
    @inlinable public var lat: Double { y }

    /// Both components are finite (not NaN, not infinite).
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite }
}

extension Coordinate: CustomStringConvertible {
    public var description: String { "(\(x), \(y))" }
}
