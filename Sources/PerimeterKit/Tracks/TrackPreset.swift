/// Column names and units of real ADS-B exports, so that they are read as they come.
///
/// - `opensky`: OpenSky Network state vectors (hourly CSV files; `time` epoch s, `icao24`, `lat`,
///   `lon`, `baroaltitude` else `geoaltitude` in m). Rows without a position are skipped and counted.
/// - `fr24`: Flightradar24 flight CSV (`Timestamp` epoch s, else `UTC` ISO 8601; `Callsign`;
///   `Position` as `"lat,lon"`; `Altitude` in ft).
/// - `traffic`: the CSV export of the Python `traffic` library (`timestamp` ISO 8601, `icao24`,
///   `latitude`, `longitude`, `altitude` in ft).
/// - `readsb`: readsb / tar1090 trace JSON (`trace_full_<icao>.json`: `icao`, `timestamp` epoch s,
///   `trace` rows `[seconds after timestamp, lat, lon, altitude ft or "ground", …]`).
public enum TrackPreset: String, Sendable, CaseIterable {
    case opensky, fr24, traffic, readsb

    /// `options` with this preset's columns and units (sorting and skipping unchanged).
    public func apply(to options: inout TrackReadOptions) {
        options.skipRowsWithoutPosition = true
        options.positionColumn = nil
        switch self {
        case .opensky:
            options.idColumn = "icao24"; options.timeColumn = "time"
            options.lonColumn = "lon"; options.latColumn = "lat"
            options.altitudeColumn = "baroaltitude|geoaltitude"
            options.timeUnit = .s; options.altitudeUnit = .m
        case .fr24:
            options.idColumn = "Callsign"; options.timeColumn = "Timestamp|UTC"
            options.positionColumn = "Position"; options.lonColumn = "lon"; options.latColumn = "lat"
            options.altitudeColumn = "Altitude"
            options.timeUnit = .s; options.altitudeUnit = .ft
        case .traffic:
            options.idColumn = "icao24"; options.timeColumn = "timestamp"
            options.lonColumn = "longitude"; options.latColumn = "latitude"
            options.altitudeColumn = "altitude"
            options.timeUnit = .s; options.altitudeUnit = .ft
        case .readsb:
            options.idColumn = "icao"; options.timeColumn = "timestamp"
            options.timeUnit = .s; options.altitudeUnit = .ft
        }
    }

    /// The track format this preset reads.
    public var format: TrackFileFormat { self == .readsb ? .readsb : .csv }
}
