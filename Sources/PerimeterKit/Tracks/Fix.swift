import GeometryCore

/// One timed position of a track (a radar plot, an ADS-B report, a GPX `trkpt`).
public struct Fix: Sendable, Hashable {
    /// Time in seconds since 1970-01-01T00:00:00Z (UTC; leap seconds ignored, as in POSIX time).
    public var time: Double
    /// Position: longitude/latitude in degrees, WGS84.
    public var position: Coordinate
    /// Altitude in metres as the source gives it (GPX `<ele>`, CSV `alt_m`), if known.
    public var altitudeM: Double?

    public init(time: Double, position: Coordinate, altitudeM: Double? = nil) {
        self.time = time
        self.position = position
        self.altitudeM = altitudeM
    }
}
