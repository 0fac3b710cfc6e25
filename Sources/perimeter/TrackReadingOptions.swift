import ArgumentParser
import PerimeterKit

/// The flags that say how a track file is read, shared by `perimeter incursions` and
/// `perimeter compare --tracks`: `--preset`, `--columns`, `--time-unit`, `--sort`, `--skip-invalid`,
/// `--format-in`, `--track-timeout-s`.
struct TrackReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Layout of a real ADS-B export: opensky, fr24, traffic or readsb (columns, time and altitude units).",
                               discussion: "opensky: OpenSky state vectors (time s, icao24, lat, lon, baroaltitude m); fr24: Flightradar24 CSV (Timestamp or UTC, Callsign, Position \"lat,lon\", Altitude ft); traffic: traffic's CSV (timestamp, icao24, latitude, longitude, altitude ft); readsb: readsb/tar1090 trace JSON. --columns and --time-unit override.",
                               valueName: "name"))
    var preset: String?

    @Option(help: ArgumentHelp("CSV column names (any case): id=…,time=…,lon=…,lat=…,alt=…,pos=… (pos: one \"lat,lon\" column; defaults track_id,time,lon,lat,alt_m). For GeoJSON Points: the id and time properties.", valueName: "key=name,…"))
    var columns: String?

    @Option(name: .customLong("time-unit"), help: ArgumentHelp("Unit of numeric times: s, ms or us since 1970 (default s). Times must fall in 1900–2200.", valueName: "unit"))
    var timeUnit: String?

    @Flag(help: "Sort each track's fixes by time instead of failing when time goes backwards.")
    var sort = false

    @Flag(name: .customLong("skip-invalid"), help: "Skip invalid rows/points (and empty tracks), reporting how many.")
    var skipInvalid = false

    @Option(name: .customLong("format-in"), help: ArgumentHelp("Track format: csv, gpx, geojson or readsb (default: by extension; '-' is CSV).", valueName: "format"))
    var formatIn: String?

    @Option(name: .customLong("track-timeout-s"), help: ArgumentHelp("Input ordered by time (aircraft interleaved): an aircraft silent this long (s) is finished; memory stays bounded by the aircraft in the air.", valueName: "s"))
    var trackTimeoutS: Double = 1800

    func validate() throws {
        if let f = formatIn, TrackFileFormat(rawValue: f) == nil { throw FlagError("--format-in must be csv, gpx, geojson or readsb") }
        _ = try readOptions()
    }

    /// Track-reading options from the flags.
    func readOptions() throws -> TrackReadOptions {
        var options = TrackReadOptions(sortByTime: sort, skipInvalid: skipInvalid)
        if let preset {
            guard let p = TrackPreset(rawValue: preset.lowercased()) else {
                throw FlagError("--preset must be one of \(TrackPreset.allCases.map(\.rawValue).joined(separator: ", ")); got '\(preset)'")
            }
            p.apply(to: &options)
        }
        if let columns {
            do { try options.mapColumns(columns) } catch { throw FlagError("\(error)") }
        }
        if let timeUnit {
            guard let u = TrackReadOptions.TimeUnit(rawValue: timeUnit) else { throw FlagError("--time-unit must be s, ms or us; got '\(timeUnit)'") }
            options.timeUnit = u
        }
        guard trackTimeoutS > 0 else { throw FlagError("--track-timeout-s must be a positive number of seconds") }
        options.trackTimeoutS = trackTimeoutS
        return options
    }

    /// The format of `path`: `--format-in` when given, else the preset's, else from the extension.
    func format(of path: String) throws -> TrackFileFormat {
        let presetFormat = preset.flatMap { TrackPreset(rawValue: $0.lowercased()) }?.format
        return try TrackFileFormat.of(path, explicit: formatIn.flatMap(TrackFileFormat.init(rawValue:)) ?? presetFormat)
    }
}
