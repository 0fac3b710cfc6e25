/// An RFC 7946 §5 bounding box in degrees (WGS84): `[west, south, east, north]`.
///
/// When the box crosses the antimeridian `west > east` (RFC 7946 §5.2): e.g. a shape split into parts at
/// 170…180 and −180…−170 has west = 170, east = −170.
public struct BoundingBox: Hashable, Sendable {
    /// Western edge, degrees of longitude.
    public var west: Double
    /// Southern edge, degrees of latitude.
    public var south: Double
    /// Eastern edge, degrees of longitude (less than `west` when the box crosses the antimeridian).
    public var east: Double
    /// Northern edge, degrees of latitude.
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The box crosses the antimeridian (`west > east`).
    public var crossesAntimeridian: Bool { west > east }
}
