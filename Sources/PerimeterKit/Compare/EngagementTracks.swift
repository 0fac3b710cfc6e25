/// The tracks a comparison checks for engagement: a track file (CSV, GPX or GeoJSON, read with
/// the `incursions` readers and options) or a scenario from `GeoData/scenarios`.
public struct EngagementTracks: Sendable, Hashable {
    /// The track file (for a scenario, the scenario's GeoJSON file).
    public var file: String
    public var format: TrackFileFormat
    public var options: TrackReadOptions
    /// The scenario name, when the tracks come from one.
    public var scenario: String?

    public init(file: String, format: TrackFileFormat, options: TrackReadOptions = TrackReadOptions(), scenario: String? = nil) {
        self.file = file
        self.format = format
        self.options = options
        self.scenario = scenario
    }

    /// The tracks of scenario `name` in `geodata` (`DomainError.unknownName` listing the known ones).
    public static func scenario(_ name: String, geodata: String, options: TrackReadOptions = TrackReadOptions()) throws -> EngagementTracks {
        let s = try ScenarioCatalog.named(name, geodata: geodata)
        return EngagementTracks(file: s.file, format: .geojson, options: options, scenario: s.name)
    }

    /// Opens a streamed source over the tracks.
    public func open() throws -> AnyTrackSource { try format.open(file, options: options) }

    /// Reads the whole file once without keeping the tracks, so a bad row fails before any work
    /// (a `TrackReadError` naming the file and line). Returns what was read.
    public func check() throws -> TrackReadStatistics {
        var source = try open()
        while try source.nextTrack() != nil {}
        let stats = source.statistics
        guard stats.tracks > 0 else {
            throw DomainError.invalidInput(source: file, message: stats.emptyTracksSkipped + stats.invalidSkipped > 0
                ? "no usable track (\(Plural.counted(stats.invalidSkipped, "invalid row")) and \(Plural.counted(stats.emptyTracksSkipped, "empty track")) skipped)"
                : "no tracks in the file")
        }
        return stats
    }
}
