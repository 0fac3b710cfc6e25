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

extension TrackReadOptions {
    /// Column names from a `--columns` mapping `id=…,time=…,lon=…,lat=…,alt=…` (any subset; the
    /// rest keep their defaults). Throws `DomainError.invalidParameter` naming the bad entry.
    public mutating func mapColumns(_ mapping: String) throws {
        for pair in mapping.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[1].isEmpty else {
                throw DomainError.invalidParameter("--columns: expected key=name, found '\(pair)'")
            }
            switch kv[0] {
            case "id": idColumn = kv[1]
            case "time": timeColumn = kv[1]
            case "lon": lonColumn = kv[1]
            case "lat": latColumn = kv[1]
            case "alt": altitudeColumn = kv[1]
            default: throw DomainError.invalidParameter("--columns: unknown key '\(kv[0])'; use id, time, lon, lat, alt")
            }
        }
    }
}
