import ArgumentParser
import PerimeterKit

/// `perimeter compare --tracks FILE | --scenario NAME` and the track-reading flags of
/// `perimeter incursions` (`--columns`, `--sort`, `--skip-invalid`, `--format-in`).
struct TrackInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Tracks (.csv, .gpx, .geojson): which pass through each perimeter's coverage before reaching NATO airspace.",
        discussion: Engagements.definition
            + " Writes engagements.geojson (windows as LineStrings), engagements.csv and an engagements section in comparison.json."))
    var tracks: String?

    @Option(help: "Use the tracks of a scenario from GeoData/scenarios (see `perimeter scenarios list`).")
    var scenario: String?

    @Option(help: "CSV column names for --tracks: id=…,time=…,lon=…,lat=…,alt=… (defaults track_id,time,lon,lat,alt_m).")
    var columns: String?

    @Flag(help: "Sort each track's fixes by time instead of failing when time goes backwards.")
    var sort = false

    @Flag(name: .customLong("skip-invalid"), help: "Skip invalid track rows/points (and empty tracks), reporting how many.")
    var skipInvalid = false

    @Option(name: .customLong("format-in"), help: "Track format: csv, gpx or geojson (default: by extension).")
    var formatIn: String?

    func validate() throws {
        if tracks != nil && scenario != nil { throw FlagError("give either --tracks or --scenario, not both") }
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

    /// The tracks to check, or `nil` when neither --tracks nor --scenario is given.
    func input(geodata: String) throws -> EngagementTracks? {
        let options = try readOptions()
        if let scenario { return try EngagementTracks.scenario(scenario, geodata: geodata, options: options) }
        guard let tracks else { return nil }
        let format = try TrackFileFormat.of(tracks, explicit: formatIn.flatMap(TrackFileFormat.init(rawValue:)))
        return EngagementTracks(file: tracks, format: format, options: options)
    }
}
