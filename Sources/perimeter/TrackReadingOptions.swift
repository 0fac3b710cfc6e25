import ArgumentParser
import PerimeterKit

/// The flags that say how a track file is read, shared by `perimeter incursions` and
/// `perimeter compare --tracks`: `--columns`, `--sort`, `--skip-invalid`, `--format-in`.
struct TrackReadingOptions: ParsableArguments {
    @Option(help: "CSV column names: id=…,time=…,lon=…,lat=…,alt=… (defaults track_id,time,lon,lat,alt_m).")
    var columns: String?

    @Flag(help: "Sort each track's fixes by time instead of failing when time goes backwards.")
    var sort = false

    @Flag(name: .customLong("skip-invalid"), help: "Skip invalid rows/points (and empty tracks), reporting how many.")
    var skipInvalid = false

    @Option(name: .customLong("format-in"), help: "Track format: csv, gpx or geojson (default: by extension).")
    var formatIn: String?

    func validate() throws {
        if let f = formatIn, TrackFileFormat(rawValue: f) == nil { throw FlagError("--format-in must be csv, gpx or geojson") }
        _ = try readOptions()
    }

    /// Track-reading options from the flags.
    func readOptions() throws -> TrackReadOptions {
        var options = TrackReadOptions(sortByTime: sort, skipInvalid: skipInvalid)
        if let columns {
            do { try options.mapColumns(columns) } catch { throw FlagError("\(error)") }
        }
        return options
    }

    /// The format of `path`: `--format-in` when given, else from the extension.
    func format(of path: String) throws -> TrackFileFormat {
        try TrackFileFormat.of(path, explicit: formatIn.flatMap(TrackFileFormat.init(rawValue:)))
    }
}
