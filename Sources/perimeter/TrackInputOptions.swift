import ArgumentParser
import PerimeterKit

/// `perimeter compare --tracks FILE | --scenario NAME`, with the shared track-reading flags.
struct TrackInputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Tracks (.csv, .gpx, .geojson): which pass through each perimeter's coverage before reaching NATO airspace.",
        discussion: Engagements.definition
            + " Writes engagements.geojson (windows as LineStrings), engagements.csv and an engagements section in comparison.json."))
    var tracks: String?

    @Option(help: "Use the tracks of a scenario from GeoData/scenarios (see `perimeter scenarios list`).")
    var scenario: String?

    @OptionGroup var reading: TrackReadingOptions

    func validate() throws {
        if tracks != nil && scenario != nil { throw FlagError("give either --tracks or --scenario, not both") }
        if tracks == "-" { throw FlagError("--tracks -: compare reads the tracks twice, so standard input cannot be used; give a file") }
    }

    /// The tracks to check, or `nil` when neither --tracks nor --scenario is given.
    func input(geodata: String) throws -> EngagementTracks? {
        let options = try reading.readOptions()
        if let scenario { return try EngagementTracks.scenario(scenario, geodata: geodata, options: options) }
        guard let tracks else { return nil }
        let format = try reading.format(of: tracks)
        return EngagementTracks(file: tracks, format: format, options: options)
    }
}
