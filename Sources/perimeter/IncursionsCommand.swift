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
            MultiPolygon features, checked with GEOS and unioned).

            Output format: --format, else the -o extension.
              geojson  inside parts as LineStrings (role incursion) and entry/exit Points
                       (role entry_exit); -o x.gpkg or x.kml writes the same layers as
                       GeoPackage or KML.
              csv      one row per track and airspace: track_id, airspace, dwell_s,
                       incursions, path_km, max_depth_km, first_entry_time,
                       last_exit_time, fixes (and first_covered_time, covered_s,
                       warning_s with --coverage); -o F.csv also writes
                       F.incursions.csv, one row per incursion.
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

    @Option(help: "Coverage GeoJSON (output of `perimeter coverage`/`compare`): its coverage_union feature(s), else all polygons.")
    var coverage: String?

    @Option(name: .customLong("max-gap-s"), parsing: .unconditional, help: "Gaps between fixes longer than this (s) flag an interpolated incursion.")
    var maxGapS: Double = 300

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

    func validate() throws {
        if scenario == nil && tracks == nil { throw ValidationError("give a TRACKS file or --scenario NAME") }
        if scenario != nil && tracks != nil { throw ValidationError("give either TRACKS or --scenario, not both") }
        if scenario == nil && airspaceCodes.isEmpty && airspaceFiles.isEmpty {
            throw ValidationError("give at least one --airspace ISO or --airspace-file FILE")
        }
        try SharedFlags.check(maxGapS, "--max-gap-s", unit: "seconds")
        if let f = format, DataFormat(rawValue: f) == nil { throw ValidationError("--format must be geojson, csv or md") }
        if let t = threads, t < 1 { throw FlagError("--threads must be at least 1, got \(t)") }
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
        let options = try reading.readOptions()
        let outFormat = try dataFormat()
        var warnings: [String] = []

        // Inputs: the track file and airspaces, from the flags or the scenario.
        var trackFile = tracks ?? ""
        var trackFormat = TrackFileFormat.geojson
        if let tracks { trackFormat = try reading.format(of: tracks) }
        var codes = airspaceCodes
        var scenarioValue: Scenario?
        var geodataDir: String?
        if let name = scenario {
            let dir = try GeoDataLocator.directory(explicit: geodata)
            geodataDir = dir
            let s = try ScenarioCatalog.named(name, geodata: dir)
            scenarioValue = s
            trackFile = s.file
            trackFormat = .geojson
            for code in s.airspaces where !codes.contains(code) { codes.append(code) }
        }
        var airspaces: [AirspacePolygon] = []
        var finders: [String: IncursionFinder] = [:]
        if !codes.isEmpty || scenarioValue != nil {
            let dir = try geodataDir ?? GeoDataLocator.directory(explicit: geodata)
            geodataDir = dir
            var needed = codes
            for check in scenarioValue?.checks ?? [] { for a in check.airspaces where !needed.contains(a) { needed.append(a) } }
            for code in needed {
                let (airspace, _, warning) = try AirspaceLoader.national(iso: code, geodata: dir)
                if let warning { warnings.append(warning) }
                if codes.contains(code) { airspaces.append(airspace) }
                finders[code] = try IncursionFinder(airspace: airspace, maxGapS: maxGapS)
            }
        }
        for file in airspaceFiles {
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            airspaces.append(try AirspaceLoader.polygon(file: file, name: name))
        }
        var coverageFinders: [IncursionFinder] = []
        if let coverage {
            let fc = try GeoJSONReader.read(contentsOf: coverage)
            let hasUnion = fc.features.contains { $0.properties["layer"]?.stringValue == "coverage_union" }
            let polygon = try AirspaceLoader.polygon(
                file: coverage, name: "coverage",
                select: hasUnion ? { $0.properties["layer"]?.stringValue == "coverage_union" } : nil,
                allowOtherGeometries: true)
            coverageFinders = [try IncursionFinder(airspace: polygon, maxGapS: maxGapS, measuresPenetration: false)]
        }
        let airspaceFinders = try airspaces.map { a in try finders[a.name] ?? IncursionFinder(airspace: a, maxGapS: maxGapS) }
        for w in warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }

        // Analysis.
        let analyzer = TrackAnalyzer(airspaces: airspaceFinders, coverage: coverageFinders)
        let progress = ProgressReporter(label: "incursions", quiet: quiet)
        let fromStdin = trackFile == "-"
        let needsTracksAgain = outFormat == .geojson || scenarioValue != nil || mapOptions.map != nil || htmlMap.html != nil
        var source = try trackFormat.open(trackFile, options: options)
        source.progress = progress.sink
        source.retainsTracks = fromStdin && needsTracksAgain
        let axisCheck = (geodataDir ?? (try? GeoDataLocator.directory(explicit: geodata)))
            .flatMap { try? AxisOrderCheck.countries(geodata: $0) }
        if let axisCheck { source.observer = { axisCheck.observe($0) } }
        let workers = max(1, SharedFlags.threads(threads) - 1)  // one more thread reads
        // Per-track CSV to stdout is streamed: each track's rows as soon as it is done.
        let stream: RowStream? = outFormat == .csv && (output ?? "-") == "-" && !needsTracksAgain
            ? RowStream(coverage: !coverageFinders.isEmpty) : nil
        var onReport: (@Sendable (TrackReport) -> Void)? = nil
        if let stream { onReport = { stream.write($0) } }
        let result = try TrackPipeline.run(&source, analyzer: analyzer, workers: workers, keepReports: stream == nil,
                                           onReport: onReport)
        let stats = result.statistics
        progress.finish(done: stats.fixes, total: nil, unit: "fixes")
        if scenarioValue == nil, let w = axisCheck?.warning(source: fromStdin ? "standard input" : trackFile) {
            FileHandle.standardError.write(Data("warning: \(w)\n".utf8))
        }
        guard stats.tracks > 0 else {
            throw DomainError.invalidInput(source: trackFile, message: stats.emptyTracksSkipped + stats.invalidSkipped > 0
                ? "no usable track (\(Plural.counted(stats.invalidSkipped, "invalid row")) and \(Plural.counted(stats.emptyTracksSkipped, "empty track")) skipped)"
                : "no tracks in the file")
        }

        // Tracks again, for geometry and scenario checks (a second streamed pass; files are small or
        // the output asks for geometry).
        var secondPass: [Track]? = nil
        if fromStdin && needsTracksAgain {
            secondPass = source.retained
        } else if outFormat == .geojson || scenarioValue != nil {
            var again = try trackFormat.open(trackFile, options: options)
            var all: [Track] = []
            while let t = try again.nextTrack() { all.append(t) }
            secondPass = all
        }

        // Output: encoded in full first, then written atomically.
        if let outFormat {
            let path = output ?? "-"
            switch outFormat {
            case .geojson:
                var lines: [Feature] = [], points: [Feature] = []
                for (t, r) in zip(secondPass ?? [], result.reports) {
                    for (k, s) in r.airspaces.enumerated() {
                        let f = IncursionFeatures.features(track: t, summary: s, coverage: k < r.coverage.count ? r.coverage[k] : nil)
                        lines += f.lines
                        points += f.points
                    }
                }
                try writeLayers([("incursions", FeatureCollection(features: lines)), ("entry_exit", FeatureCollection(features: points))], to: path)
            case .csv where stream != nil:
                break  // written while reading
            case .csv:
                try write(IncursionCSV.perTrack(result.reports), to: path)
                if path != "-" {
                    let sidecar = ((path as NSString).deletingPathExtension) + ".incursions.csv"
                    try write(IncursionCSV.perIncursion(result.reports), to: sidecar)
                }
            case .md:
                try write(IncursionMarkdown.summary(source: trackFile, result: result), to: path)
            }
        }

        try mapOptions.writeIncursions(result, tracks: secondPass, reopen: { fromStdin ? AnyTrackSource(TrackArraySource(secondPass ?? []))
                                                                                  : try trackFormat.open(trackFile, options: options) },
                                       airspaces: airspaces, geodata: geodataDir ?? geodata,
                                       title: scenarioValue?.title ?? "Incursions: \(SharedFlags.counted(stats.tracks, "track")) from \((trackFile as NSString).lastPathComponent)")
        try htmlMap.writeIncursions(result, tracks: secondPass, reopen: { fromStdin ? AnyTrackSource(TrackArraySource(secondPass ?? []))
                                                                               : try trackFormat.open(trackFile, options: options) },
                                    airspaces: airspaces, coverageFile: coverage, coverageFinders: coverageFinders,
                                    geodata: geodataDir ?? geodata,
                                    title: scenarioValue?.title ?? "Incursions: \(SharedFlags.counted(stats.tracks, "track")) from \((trackFile as NSString).lastPathComponent)")

        // Summary.
        let elapsed = max(Date().timeIntervalSince(started), 1e-9)
        var text = "incursions: \(SharedFlags.counted(stats.tracks, "track")), \(SharedFlags.counted(stats.fixes, "fix", "fixes")) from \(fromStdin ? "standard input" : trackFile)\n"
        var notes: [String] = []
        if stats.duplicateTimesDropped > 0 { notes.append("\(SharedFlags.counted(stats.duplicateTimesDropped, "fix", "fixes")) with duplicate times dropped") }
        if stats.invalidSkipped > 0 { notes.append("\(SharedFlags.counted(stats.invalidSkipped, "invalid row")) skipped") }
        if stats.emptyTracksSkipped > 0 { notes.append("\(SharedFlags.counted(stats.emptyTracksSkipped, "empty track")) skipped") }
        notes += TrackReadNotes.notes(stats, options: options)
        if !notes.isEmpty { text += "  " + notes.joined(separator: "; ") + "\n" }
        let width = max(10, (result.totals.map(\.airspace.count).max() ?? 0) + 1)
        func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        text += "  " + pad("airspace") + "tracks_in incursions      dwell_s      path_km  max_depth_km\n"
        for t in result.totals {
            text += "  " + pad(t.airspace) + String(format: "%9d %10d %12.1f %12.1f %13.2f\n", t.tracksWithIncursions,
                           t.incursions, t.totalDwellS, t.totalPathLengthM / 1000, t.maxPenetrationM / 1000)
        }
        if !coverageFinders.isEmpty {
            let warned = stream?.warningTimes ?? result.reports.compactMap { $0.coverage.first?.warningTimeS }
            if !warned.isEmpty {
                text += "  warning time (coverage → first airspace entry): \(SharedFlags.counted(warned.count, "track")), "
                    + String(format: "min %.0f s, median %.0f s\n", warned.min()!, warned.sorted()[warned.count / 2])
            }
        }
        text += String(format: "  time: %.2f s (%.0f tracks/s, %.0f fixes/s)\n", elapsed, Double(stats.tracks) / elapsed, Double(stats.fixes) / elapsed)
        if outFormat != nil { text += "  output: \((output ?? "-") == "-" ? "stdout" : output!)\n" }

        var failed = 0
        if let s = scenarioValue, let tracksRead = secondPass {
            let outcomes = ScenarioEvaluation.evaluate(s, tracks: tracksRead, reports: result.reports,
                                                       airspaceOrder: result.totals.map(\.airspace), finders: finders)
            text += "scenario \(s.name): \(s.title)\n"
            for o in outcomes {
                text += "  [\(o.passed ? "ok" : "FAIL")] \(o.trackID.map { "\($0): " } ?? "")\(o.computed); expected \(o.expected)\n"
                if !o.passed { failed += 1 }
            }
            if outcomes.isEmpty { text += "  (no checks)\n" }
        }
        if outFormat != nil && (output ?? "-") == "-" {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            print(text, terminator: "")
        }
        if failed > 0 {
            FileHandle.standardError.write(Data("scenario \(scenario ?? ""): \(SharedFlags.counted(failed, "check")) outside the stated tolerance\n".utf8))
            throw ExitCode(1)
        }
    }

    private func write(_ text: String, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            try AtomicFileWriter.write(Data(text.utf8), to: path)
        }
    }
}
