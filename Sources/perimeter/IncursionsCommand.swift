import ArgumentParser
import Foundation
import GeoJSON
import PerimeterKit
import FileIO

/// `perimeter incursions`: entries, exits, dwell and depth of tracks in airspaces, with warning
/// times from sensor coverage; or a scenario's tracks compared with the reported figures.
struct IncursionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incursions",
        abstract: "Incursions of tracks into airspaces: entries, exits, dwell, depth.",
        discussion: """
            TRACKS is CSV (a header; columns track_id,time,lon,lat[,alt_m], renamed with --columns), \
            GPX 1.1 or GeoJSON (LineStrings with properties.times or coordTimes, or Points with time and \
            track_id); the format comes from the extension unless --format-in says.

            Airspaces: --airspace ISO (GeoData/airspace/<ISO>.geojson, land + territorial sea; falls back \
            to the land of countries.geojson with a warning) and --airspace-file F (Polygon and \
            MultiPolygon features, checked with GEOS and unioned). For --airspace ISO the time inside is \
            split into time over land (countries.geojson) and in the territorial sea.

            Coverage: --coverage POLYGONS (the same at every altitude) or --sites SITES --profile NAME \
            [--radar-height-m H]: a fix is covered within min(R, √(2kRe·H)+√(2kRe·h)) of a site (k = 4/3, \
            h the fix's altitude, geodesic distance on WGS84; fixes without altitude at --target-alt-m), \
            crossing times interpolated between fixes (altitude too). Gives first_covered_time, covered_s \
            and warning_s (first airspace entry − first covered time).

            Fields: per incursion open_at_start/open_at_end (a track's first or last fix is never called \
            an entry or exit: those fields stay empty), the deepest point and its time, over_land_s and \
            territorial_sea_s; per track that never enters, closest_approach_km with its time and point \
            (geodesic). --min-exit-s S merges incursions separated by exits shorter than S seconds \
            (default 0: none; the merged dwell includes the short time outside; stated in the summary). \
            --group-by COLUMN[:N] groups tracks by a CSV column or GeoJSON property (its first N characters \
            with :N, e.g. a callsign prefix): per group the union of the members' time inside beside the \
            per-aircraft rows.

            Output format: --format, else the -o extension.
              geojson  inside parts as LineStrings (role incursion) and entry/exit Points
                       (role entry_exit; kind track_start/track_end where the track
                       starts or ends inside); -o x.gpkg or x.kml writes the same
                       layers as GeoPackage or KML.
              csv      one row per track and airspace: track_id, airspace, dwell_s,
                       incursions, path_km, max_depth_km, first_entry_time,
                       last_exit_time, fixes (and first_covered_time, covered_s,
                       warning_s with coverage), then open_at_start, open_at_end,
                       max_depth_time/lon/lat, over_land_s, territorial_sea_s,
                       closest_approach_km/time/lon/lat, merged_exits (and group);
                       -o F.csv also writes F.incursions.csv, one row per
                       incursion, and with --group-by F.groups.csv.
              md       a Markdown summary.
            Times are ISO 8601 UTC. Without -o and --format only the summary is printed; it goes to \
            stdout, or to stderr when the data goes to stdout (-o -).

            Streaming: `incursions - --format csv -o -` reads CSV from standard input and writes each \
            track's rows as soon as the track is complete (at the next track when rows are grouped per \
            track; when ordered by time with aircraft interleaved, once the aircraft has been silent for \
            --track-timeout-s or at the end of input).

            With --scenario NAME the scenario's tracks run against its airspaces and the computed figures \
            are compared with the reported ones: exit 0 when all are within tolerance, 1 otherwise.
            """)

    @Argument(help: "Track file (.csv, .gpx, .geojson/.json); '-' reads CSV from standard input.")
    var tracks: String?

    @Option(name: .customLong("airspace"), help: "National airspace by ISO code (EE, PL, RO, RU-KGD, …); repeatable.")
    var airspaceCodes: [String] = []

    @Option(name: .customLong("airspace-file"), help: "GeoJSON file of Polygon/MultiPolygon airspace features; repeatable.")
    var airspaceFiles: [String] = []

    @OptionGroup(title: "Sensor coverage (first detection, time covered, warning time)") var sensors: SensorCoverageOptions

    @Option(name: .customLong("max-gap-s"), parsing: .unconditional, help: "Gaps between fixes longer than this (s) flag an interpolated incursion.")
    var maxGapS: Double = 300

    @Option(name: .customLong("min-exit-s"), parsing: .unconditional, help: ArgumentHelp("Merge incursions separated by exits shorter than this (default 0: exact, nothing merged).", valueName: "s"))
    var minExitS: Double = 0

    @Option(name: .customLong("group-by"), help: ArgumentHelp("Group tracks by this CSV column or GeoJSON property (COLUMN:N: its first N characters): per group the union of the members' intervals.", valueName: "column[:n]"))
    var groupBy: String?

    @OptionGroup(title: "Reading tracks") var reading: TrackReadingOptions

    @Option(help: "Output format: geojson, csv or md (default: by -o extension).")
    var format: String?

    @Option(name: .shortAndLong, help: "Output file (.geojson, .gpkg, .kml, .csv, .md); '-' for stdout.")
    var output: String?

    @Option(help: "Run a scenario from GeoData/scenarios (see `perimeter scenarios list`).")
    var scenario: String?

    @Option(help: SharedFlags.geodataHelp)
    var geodata: String?

    @Option(parsing: .unconditional, help: SharedFlags.threadsHelp)
    var threads: Int?

    @Flag(help: SharedFlags.quietHelp)
    var quiet = false

    @OptionGroup(title: "Map (tracks drawn: at most 2,000, those with incursions first)") var mapOptions: MapOptions
    @OptionGroup(title: "Interactive map (time slider; tracks drawn as for --map)") var htmlMap: HTMLMapOptions

    enum DataFormat: String { case geojson, csv, md }

    /// The coverage file, for code that reads `--coverage` (kept for the other commands' helpers).
    var coverage: String? { sensors.coverage }

    func validate() throws {
        if scenario == nil && tracks == nil { throw ValidationError("give a TRACKS file or --scenario NAME") }
        if scenario != nil && tracks != nil { throw ValidationError("give either TRACKS or --scenario, not both") }
        if scenario == nil && airspaceCodes.isEmpty && airspaceFiles.isEmpty {
            throw ValidationError("give at least one --airspace ISO or --airspace-file FILE")
        }
        try SharedFlags.check(maxGapS, "--max-gap-s", unit: "seconds")
        try SharedFlags.check(minExitS, "--min-exit-s", positive: false, unit: "seconds")
        if let f = format, DataFormat(rawValue: f) == nil { throw ValidationError("--format must be geojson, csv or md") }
        if let t = threads, t < 1 { throw FlagError("--threads must be at least 1, got \(t)") }
        _ = try groupColumn()
    }

    /// `--group-by COLUMN[:N]` as (column, prefix length).
    func groupColumn() throws -> (column: String, prefix: Int?)? {
        guard let groupBy else { return nil }
        let parts = groupBy.split(separator: ":", maxSplits: 1).map(String.init)
        guard let column = parts.first, !column.isEmpty else { throw FlagError("--group-by needs a column name, got '\(groupBy)'") }
        guard parts.count == 2 else { return (column, nil) }
        guard let n = Int(parts[1]), n > 0 else { throw FlagError("--group-by \(groupBy): the prefix length after ':' must be a positive integer") }
        return (column, n)
    }

    /// The data format written, if any.
    func dataFormat() throws -> DataFormat? {
        if let format { return DataFormat(rawValue: format) }
        guard let output else { return nil }
        if output == "-" { return .geojson }
        switch (output as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "md", "markdown": return .md
        default:
            _ = try OutputFormat(path: output)
            return .geojson
        }
    }

    func run() throws {
        let started = Date()
        guard let setup = try prepare() else { return }
        let run = try analyze(setup)
        try writeData(setup, run)
        try writeMaps(setup, run)
        let failed = try printSummary(setup, run, elapsed: max(Date().timeIntervalSince(started), 1e-9))
        if failed > 0 {
            FileHandle.standardError.write(Data("scenario \(scenario ?? ""): \(SharedFlags.counted(failed, "check")) outside the stated tolerance\n".utf8))
            throw ExitCode(1)
        }
    }
}
