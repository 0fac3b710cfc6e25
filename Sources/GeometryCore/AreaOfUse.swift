/// The area where a CRS or coordinate operation is valid, as PROJ reports it
/// (`proj_get_area_of_use`): a lon/lat box in degrees (WGS84).
///
/// `west > east` means the box crosses the antimeridian (e.g. west 160°, east −170°).
public struct AreaOfUse: Sendable, Hashable {
    /// Western bound, longitude degrees in [-180, 180].
    public var west: Double
    /// Southern bound, latitude degrees.
    public var south: Double
    /// Eastern bound, longitude degrees in [-180, 180].
    public var east: Double
    /// Northern bound, latitude degrees.
    public var north: Double
    /// PROJ's name for the area, e.g. "Europe - European Union (EU) countries and candidates.".
    public var name: String

    public init(west: Double, south: Double, east: Double, north: Double, name: String = "") {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
        self.name = name
    }

    /// Whether the lon/lat point (degrees; any longitude, reduced to [-180, 180)) lies in the box,
    /// bounds included.
    public func contains(_ lonLat: Coordinate) -> Bool {
        guard lonLat.isFinite, lonLat.lat >= south, lonLat.lat <= north else { return false }
        var lon = (lonLat.lon + 180).truncatingRemainder(dividingBy: 360)
        if lon < 0 { lon += 360 }
        lon -= 180
        if west <= east {
            return (lon >= west && lon <= east) || (east == 180 && lon == -180)
        }
        return lon >= west || lon <= east
    }
}
