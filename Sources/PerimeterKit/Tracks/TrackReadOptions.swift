/// How track files are read.
public struct TrackReadOptions: Sendable, Hashable {
    /// CSV column holding the track identifier.
    public var idColumn = "track_id"
    /// CSV column holding the fix time: ISO 8601 (`2025-09-10T12:00:00.5Z`, `+02:00` offsets) or
    /// epoch seconds (UTC).
    public var timeColumn = "time"
    /// CSV column holding the longitude, degrees WGS84.
    public var lonColumn = "lon"
    /// CSV column holding the latitude, degrees WGS84.
    public var latColumn = "lat"
    /// Optional CSV column holding the altitude in metres (absent column or empty field → no altitude).
    public var altitudeColumn = "alt_m"
    /// Sort each track's fixes by time instead of failing when time goes backwards.
    public var sortByTime = false
    /// Skip (and count) invalid rows/points and empty tracks instead of failing on the first one.
    public var skipInvalid = false

    public init(idColumn: String = "track_id", timeColumn: String = "time", lonColumn: String = "lon",
                latColumn: String = "lat", altitudeColumn: String = "alt_m",
                sortByTime: Bool = false, skipInvalid: Bool = false) {
        self.idColumn = idColumn
        self.timeColumn = timeColumn
        self.lonColumn = lonColumn
        self.latColumn = latColumn
        self.altitudeColumn = altitudeColumn
        self.sortByTime = sortByTime
        self.skipInvalid = skipInvalid
    }
}
