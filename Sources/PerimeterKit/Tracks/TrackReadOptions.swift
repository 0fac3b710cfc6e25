/// How track files are read.
///
/// Column names match the header case-insensitively; a name may list alternatives separated by
/// `|` (`baroaltitude|geoaltitude`: the first present is used).
public struct TrackReadOptions: Sendable, Hashable {
    /// CSV column holding the track identifier.
    public var idColumn = "track_id"
    /// CSV column holding the fix time: ISO 8601 (`2025-09-10T12:00:00.5Z`, `+02:00` offsets) or
    /// a number of epoch units (`timeUnit`, UTC).
    public var timeColumn = "time"
    /// CSV column holding the longitude, degrees WGS84.
    public var lonColumn = "lon"
    /// CSV column holding the latitude, degrees WGS84.
    public var latColumn = "lat"
    /// Optional CSV column holding the altitude in `altitudeUnit` (absent column or empty field → no altitude).
    public var altitudeColumn = "alt_m"
    /// Optional CSV column holding the position as one field `"lat,lon"` (Flightradar24's `Position`);
    /// when the header has it, it is used instead of the lon/lat columns.
    public var positionColumn: String? = nil
    /// The unit of numeric times (ISO 8601 times are unaffected).
    public var timeUnit = TimeUnit.s
    /// The unit of the altitude column; altitudes are converted to metres.
    public var altitudeUnit = AltitudeUnit.m
    /// Rows with an empty position (both coordinates empty: OpenSky rows before the first position)
    /// are skipped and counted instead of being an error.
    public var skipRowsWithoutPosition = false
    /// Sort each track's fixes by time instead of failing when time goes backwards.
    public var sortByTime = false
    /// Skip (and count) invalid rows/points and empty tracks instead of failing on the first one.
    public var skipInvalid = false
    /// Input ordered by time with aircraft interleaved: an aircraft silent for longer than this
    /// (seconds of data time, while others report) is taken as gone and its track finished, so memory
    /// stays bounded by the aircraft in the air. Should the id report again, it starts a new track
    /// (counted in `TrackReadStatistics.reappearedAsNewTracks`).
    public var trackTimeoutS = 1800.0
    /// CSV column (GeoJSON property) whose value, on a track's first row, is the track's group
    /// (`--group-by`); nil: no groups.
    public var groupColumn: String? = nil

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

    /// The unit of numeric times: seconds, milliseconds or microseconds since 1970-01-01T00:00:00Z.
    public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
        case s, ms, us
        /// Seconds per unit.
        public var seconds: Double {
            switch self { case .s: 1; case .ms: 1e-3; case .us: 1e-6 }
        }
    }

    /// The unit of an altitude column.
    public enum AltitudeUnit: String, Sendable, Hashable, CaseIterable {
        case m, ft
        /// Metres per unit (international foot: 0.3048 m exactly).
        public var metres: Double {
            switch self { case .m: 1; case .ft: 0.3048 }
        }
    }
}

extension TrackReadOptions {
    /// Column names from a `--columns` mapping `id=…,time=…,lon=…,lat=…,alt=…,pos=…` (any subset;
    /// the rest keep their defaults or the preset's). Throws `DomainError.invalidParameter` naming the bad entry.
    public mutating func mapColumns(_ mapping: String) throws {
        for pair in mapping.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[1].isEmpty else {
                throw DomainError.invalidParameter("--columns: expected key=name, found '\(pair)'")
            }
            switch kv[0] {
            case "id": idColumn = kv[1]
            case "time": timeColumn = kv[1]
            case "lon": lonColumn = kv[1]; positionColumn = nil
            case "lat": latColumn = kv[1]; positionColumn = nil
            case "alt": altitudeColumn = kv[1]
            case "pos": positionColumn = kv[1]
            default: throw DomainError.invalidParameter("--columns: unknown key '\(kv[0])'; use id, time, lon, lat, alt, pos")
            }
        }
    }
}
