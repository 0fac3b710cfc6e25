import GeometryCore

/// One GeoJSON position: longitude and latitude in degrees (WGS84, RFC 7946 §3.1.1 and §4) and an
/// optional altitude in metres above the WGS84 ellipsoid (the optional third value of a position).
///
/// The horizontal part is a GeometryCore ``Coordinate`` (x = longitude, y = latitude), so geometry code
/// can use `position.coordinate` directly; the altitude rides along beside it (a `Position` struct with an
/// optional z was chosen over a parallel array so that the altitude can never get out of step with its
/// coordinate when geometries are split, reoriented or filtered). Values beyond the third in an input
/// position are ignored when reading.
public struct Position: Hashable, Sendable {
    /// Longitude (x) and latitude (y), degrees.
    public var coordinate: Coordinate
    /// The altitude, or ``noAltitude`` for none: 24 bytes a position instead of the 32 of a `Double?`
    /// (GeoData holds millions of positions).
    @usableFromInline var storedAltitude: Double

    /// A NaN with its own payload, standing for "no altitude"; any other double (other NaNs included) is
    /// an altitude, so every `Double?` is kept as given.
    @inlinable static var noAltitude: Double { Double(bitPattern: 0x7FF8_0000_0A17_0000) }

    /// Altitude, metres (RFC 7946: height above the WGS84 ellipsoid); `nil` for a 2-D position.
    @inlinable public var altitude: Double? {
        get { storedAltitude.bitPattern == Self.noAltitude.bitPattern ? nil : storedAltitude }
        set { storedAltitude = newValue ?? Self.noAltitude }
    }

    @inlinable public init(_ coordinate: Coordinate, altitude: Double? = nil) {
        self.coordinate = coordinate
        self.storedAltitude = altitude ?? Self.noAltitude
    }

    /// A position from longitude and latitude in degrees and an optional altitude in metres.
    @inlinable public init(lon: Double, lat: Double, altitude: Double? = nil) {
        self.coordinate = Coordinate(lon: lon, lat: lat)
        self.storedAltitude = altitude ?? Self.noAltitude
    }

    /// Equal coordinates and equal altitudes (both absent, or equal numbers), as for a `Double?`.
    @inlinable public static func == (lhs: Position, rhs: Position) -> Bool {
        lhs.coordinate == rhs.coordinate && lhs.altitude == rhs.altitude
    }

    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(coordinate)
        hasher.combine(altitude)
    }

    /// Longitude, degrees.
    @inlinable public var lon: Double {
        get { coordinate.x }
        set { coordinate.x = newValue }
    }

    /// Latitude, degrees.
    @inlinable public var lat: Double {
        get { coordinate.y }
        set { coordinate.y = newValue }
    }
}

extension Position: CustomStringConvertible {
    public var description: String {
        if let altitude { return "[\(lon), \(lat), \(altitude)]" }
        return "[\(lon), \(lat)]"
    }
}
