import ArgumentParser
import Foundation
import GeoJSON
import PerimeterKit
import FileIO

/// The steps of `perimeter incursions`: inputs, analysis, data output, maps, summary.
extension IncursionsCommand {
    /// Everything read before the analysis.
    struct Setup {
        var trackFile: String
        var trackFormat: TrackFileFormat
        var options: TrackReadOptions
        var outFormat: DataFormat?
        var scenario: Scenario?
        var geodataDir: String?
        /// The airspaces analysed, in order.
        var airspaces: [AirspacePolygon]
        /// Finders of every national airspace loaded (scenario checks may need more than are analysed).
        var finders: [String: IncursionFinder]
        var analyzer: TrackAnalyzer
        var coverageStatement: String?
        var coverageDrawing: SensorCoverageDrawing?
        var group: (column: String, prefix: Int?)?
        var warnings: [String]
        var fromStdin: Bool { trackFile == "-" }
        var needsTracksAgain: Bool
        var title: String = ""
    }

    /// The analysis and the tracks kept for outputs that draw or check them.
    struct Run {
        var result: TrackPipeline.Result
        var stream: RowStream?
        var tracks: [Track]?
        var groups: [IncursionGroup]
    }

    /// Step 1: track source, airspaces (with their land), a scenario's zones, coverage and the analyzer.
    /// Nil for a scenario of reported events only (no published track geometry): its events are printed.
    func prepare() throws -> Setup? {
        var options = try reading.readOptions()
        let group = try groupColumn()
        options.groupColumn = group?.column
        var trackFile = tracks ?? ""
        var trackFormat = TrackFileFormat.geojson
        if let tracks { trackFormat = try reading.format(of: tracks) }
        if group != nil, trackFormat != .csv, trackFormat != .geojson {
            throw FlagError("--group-by reads a CSV column or GeoJSON property; \(trackFile) is \(trackFormat.rawValue)")
        }
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
            if s.trackCount == 0 {
                try printEvents(of: s, geodata: dir)
                return nil
            }
        }
        var warnings: [String] = []
        var airspaces: [AirspacePolygon] = []
        var finders: [String: IncursionFinder] = [:]
        var landByName: [String: IncursionFinder] = [:]
        if !codes.isEmpty || scenarioValue != nil {
            let dir = try geodataDir ?? GeoDataLocator.directory(explicit: geodata)
            geodataDir = dir
            var needed = codes
            for check in scenarioValue.map({ $0.checks + $0.consistency + $0.contested }) ?? [] {
                for a in check.airspaces where !needed.contains(a) { needed.append(a) }
            }
            for code in needed {
                let (airspace, _, warning) = try AirspaceLoader.national(iso: code, geodata: dir)
                if let warning { warnings.append(warning) }
                if codes.contains(code) {
                    airspaces.append(airspace)
                    if let land = try AirspaceLoader.land(iso: code, geodata: dir, airspace: airspace) {
                        landByName[code] = try IncursionFinder(airspace: land, maxGapS: maxGapS, measuresPenetration: false)
                    }
                }
                finders[code] = try IncursionFinder(airspace: airspace, maxGapS: maxGapS)
            }
        }
        // A scenario's zones (an ADIZ, airport zones): run like airspaces, reported by their kind.
        for zone in scenarioValue?.zones ?? [] {
            let file = GeoDataLocator.file(zone.file, in: geodataDir ?? "")
            let wanted = zone.features
            let polygon = try AirspaceLoader.polygon(file: file, name: zone.name,
                                                     select: wanted.map { w in { w.contains($0.properties["name"]?.stringValue ?? "") } })
            airspaces.append(polygon)
            finders[zone.name] = try IncursionFinder(airspace: polygon, maxGapS: maxGapS)
        }
        for file in airspaceFiles {
            let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            airspaces.append(try AirspaceLoader.polygon(file: file, name: name))
        }
        let sensor = try sensors.model(geodata: geodataDir ?? geodata, maxGapS: maxGapS)
        let airspaceFinders = try airspaces.map { a in try finders[a.name] ?? IncursionFinder(airspace: a, maxGapS: maxGapS) }
        let analyzer = TrackAnalyzer(airspaces: airspaceFinders, sensorCoverage: sensor?.coverage,
                                     lands: airspaces.map { landByName[$0.name] }, minExitS: minExitS,
                                     measuresClosestApproach: true, groupPrefixLength: group?.prefix)
        let outFormat = try dataFormat()
        var setup = Setup(trackFile: trackFile, trackFormat: trackFormat, options: options, outFormat: outFormat,
                          scenario: scenarioValue, geodataDir: geodataDir, airspaces: airspaces, finders: finders,
                          analyzer: analyzer, coverageStatement: sensor?.statement, coverageDrawing: sensor?.drawn,
                          group: group, warnings: warnings,
                          needsTracksAgain: outFormat == .geojson || scenarioValue != nil || mapOptions.map != nil || htmlMap.html != nil)
        setup.title = scenarioValue?.title ?? ""
        return setup
    }

    /// Step 2: the streamed analysis (per-track CSV rows written as tracks finish when they go to stdout),
    /// then the tracks again where outputs need their geometry, and the groups.
    func analyze(_ setup: Setup) throws -> Run {
        for w in setup.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        let progress = ProgressReporter(label: "incursions", quiet: quiet)
        var source = try setup.trackFormat.open(setup.trackFile, options: setup.options)
        source.progress = progress.sink
        source.retainsTracks = setup.fromStdin && setup.needsTracksAgain
        let axisCheck = (setup.geodataDir ?? (try? GeoDataLocator.directory(explicit: geodata)))
            .flatMap { try? AxisOrderCheck.countries(geodata: $0) }
        if let axisCheck { source.observer = { axisCheck.observe($0) } }
        let workers = max(1, SharedFlags.threads(threads) - 1)  // one more thread reads
        // Per-track CSV to stdout is streamed: each track's rows as soon as it is done.
        let stream: RowStream? = setup.outFormat == .csv && (output ?? "-") == "-" && !setup.needsTracksAgain && setup.group == nil
            ? RowStream(coverage: setup.analyzer.sensorCoverage != nil) : nil
        var onReport: (@Sendable (TrackReport) -> Void)? = nil
        if let stream { onReport = { stream.write($0) } }
        let result = try TrackPipeline.run(&source, analyzer: setup.analyzer, workers: workers, keepReports: stream == nil,
                                           onReport: onReport)
        let stats = result.statistics
        progress.finish(done: stats.fixes, total: nil, unit: "fixes")
        if setup.scenario == nil, let w = axisCheck?.warning(source: setup.fromStdin ? "standard input" : setup.trackFile) {
            FileHandle.standardError.write(Data("warning: \(w)\n".utf8))
        }
        guard stats.tracks > 0 else {
            throw DomainError.invalidInput(source: setup.trackFile, message: stats.emptyTracksSkipped + stats.invalidSkipped > 0
                ? "no usable track (\(Plural.counted(stats.invalidSkipped, "invalid row")) and \(Plural.counted(stats.emptyTracksSkipped, "empty track")) skipped)"
                : "no tracks in the file")
        }
        // Tracks again, for geometry and scenario checks (a second streamed pass; files are small or
        // the output asks for geometry).
        var again: [Track]? = nil
        if setup.fromStdin && setup.needsTracksAgain {
            again = source.retained
        } else if setup.outFormat == .geojson || setup.scenario != nil {
            var second = try setup.trackFormat.open(setup.trackFile, options: setup.options)
            var all: [Track] = []
            while let t = try second.nextTrack() { all.append(t) }
            again = all
        }
        let groups = setup.group.map { _ in IncursionGroup.groups(result.reports) } ?? []
        return Run(result: result, stream: stream, tracks: again, groups: groups)
    }

    /// Step 3: the data output, encoded in full first, then written atomically.
    func writeData(_ setup: Setup, _ run: Run) throws {
        guard let outFormat = setup.outFormat else { return }
        let path = output ?? "-"
        let grouped = setup.group != nil
        switch outFormat {
        case .geojson:
            var lines: [Feature] = [], points: [Feature] = []
            for (t, r) in zip(run.tracks ?? [], run.result.reports) {
                for (k, s) in r.airspaces.enumerated() {
                    var f = IncursionFeatures.features(track: t, summary: s, coverage: k < r.coverage.count ? r.coverage[k] : nil)
                    if let g = r.group, grouped {
                        for i in f.lines.indices { f.lines[i].properties["group"] = .string(g) }
                        for i in f.points.indices { f.points[i].properties["group"] = .string(g) }
                    }
                    lines += f.lines
                    points += f.points
                    if let a = s.closestApproach { points.append(IncursionFeatures.closestApproach(a, track: t.id, airspace: s.airspace)) }
                }
            }
            try writeLayers([("incursions", FeatureCollection(features: lines)), ("entry_exit", FeatureCollection(features: points))], to: path)
        case .csv where run.stream != nil:
            break  // written while reading
        case .csv:
            try write(IncursionCSV.perTrack(run.result.reports, groups: grouped), to: path)
            if path != "-" {
                let stem = (path as NSString).deletingPathExtension
                try write(IncursionCSV.perIncursion(run.result.reports, groups: grouped), to: stem + ".incursions.csv")
                if grouped { try write(IncursionCSV.perGroup(run.groups), to: stem + ".groups.csv") }
            }
        case .md:
            try write(IncursionMarkdown.summary(source: setup.trackFile, result: run.result, groups: run.groups,
                                                notes: summaryNotes(setup)), to: path)
        }
    }

    /// Step 4: the SVG/PNG and HTML maps.
    func writeMaps(_ setup: Setup, _ run: Run) throws {
        let stats = run.result.statistics
        let title = setup.scenario?.title ?? "Incursions: \(SharedFlags.counted(stats.tracks, "track")) from \((setup.trackFile as NSString).lastPathComponent)"
        let reopen: () throws -> AnyTrackSource = {
            setup.fromStdin ? AnyTrackSource(TrackArraySource(run.tracks ?? [])) : try setup.trackFormat.open(setup.trackFile, options: setup.options)
        }
        try mapOptions.writeIncursions(run.result, tracks: run.tracks, reopen: reopen, airspaces: setup.airspaces,
                                       coverage: setup.coverageDrawing, geodata: setup.geodataDir ?? geodata, title: title)
        try htmlMap.writeIncursions(run.result, tracks: run.tracks, reopen: reopen, airspaces: setup.airspaces,
                                    coverage: setup.coverageDrawing, geodata: setup.geodataDir ?? geodata, title: title)
    }

    /// What the run assumed, stated in every summary.
    func summaryNotes(_ setup: Setup) -> [String] {
        var notes: [String] = []
        if let c = setup.coverageStatement { notes.append(c) }
        notes.append(minExitS > 0
            ? "exits shorter than \(FlagNumber.plain(minExitS)) s merged (--min-exit-s; a merged dwell includes the time outside)"
            : "no exits merged (--min-exit-s 0)")
        return notes
    }

    /// A scenario of reported events only: its events, each with the distance between the places named.
    func printEvents(of s: Scenario, geodata dir: String) throws {
        let centres = try ScenarioEventReport.centres(s, geodata: dir)
        print("scenario \(s.name): \(s.title)\n  no tracks: no track geometry has been published; the reported events:")
        for line in ScenarioEventReport.lines(s.events, centres: centres) { print("  \(line)") }
        let maps = [mapOptions.map, htmlMap.html].compactMap { $0 }
        if !maps.isEmpty {
            FileHandle.standardError.write(Data("warning: no map written (\(maps.joined(separator: ", "))): scenario \(s.name) has no tracks to draw, only the events above\n".utf8))
        }
    }

    /// Step 5: the summary (stdout, or stderr when the data goes to stdout) and the scenario checks;
    /// returns the number of failed checks.
    func printSummary(_ setup: Setup, _ run: Run, elapsed: Double) throws -> Int {
        let result = run.result, stats = result.statistics
        var text = "incursions: \(SharedFlags.counted(stats.tracks, "track")), \(SharedFlags.counted(stats.fixes, "fix", "fixes")) from \(setup.fromStdin ? "standard input" : setup.trackFile)\n"
        var notes: [String] = []
        if stats.duplicateTimesDropped > 0 { notes.append("\(SharedFlags.counted(stats.duplicateTimesDropped, "fix", "fixes")) with duplicate times dropped") }
        if stats.invalidSkipped > 0 { notes.append("\(SharedFlags.counted(stats.invalidSkipped, "invalid row")) skipped") }
        if stats.emptyTracksSkipped > 0 { notes.append("\(SharedFlags.counted(stats.emptyTracksSkipped, "empty track")) skipped") }
        notes += TrackReadNotes.notes(stats, options: setup.options)
        if !notes.isEmpty { text += "  " + notes.joined(separator: "; ") + "\n" }
        for n in summaryNotes(setup) { text += "  \(n)\n" }
        let defaulted = result.reports.filter(\.usedDefaultAltitude).count
        if defaulted > 0 { text += "  \(SharedFlags.counted(defaulted, "track")) with fixes without altitude (flown at --target-alt-m)\n" }
        let width = max(10, (result.totals.map(\.airspace.count).max() ?? 0) + 1)
        func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        text += "  " + pad("airspace") + "tracks_in incursions      dwell_s      path_km  max_depth_km\n"
        for t in result.totals {
            text += "  " + pad(t.airspace) + String(format: "%9d %10d %12.1f %12.1f %13.2f\n", t.tracksWithIncursions,
                           t.incursions, t.totalDwellS, t.totalPathLengthM / 1000, t.maxPenetrationM / 1000)
        }
        if !run.groups.isEmpty {
            text += "  groups (--group-by \(groupBy ?? "")): dwell_s = union of the members' time inside\n"
            for g in run.groups where !g.membersInside.isEmpty {
                text += "  " + String(format: "%@ %@: %d of %d inside, dwell %.1f s (members' sum %.1f s)\n",
                                      g.group.isEmpty ? "(none)" : g.group, g.airspace, g.membersInside.count, g.members.count,
                                      g.dwellS, g.memberDwellS)
            }
        }
        if setup.analyzer.sensorCoverage != nil {
            let warned = run.stream?.warningTimes ?? result.reports.compactMap { $0.coverage.first?.warningTimeS }
            if !warned.isEmpty {
                text += "  warning time (coverage → first airspace entry): \(SharedFlags.counted(warned.count, "track")), "
                    + String(format: "min %.0f s, median %.0f s\n", warned.min()!, warned.sorted()[warned.count / 2])
            }
        }
        text += String(format: "  time: %.2f s (%.0f tracks/s, %.0f fixes/s)\n", elapsed, Double(stats.tracks) / elapsed, Double(stats.fixes) / elapsed)
        if setup.outFormat != nil { text += "  output: \((output ?? "-") == "-" ? "stdout" : output!)\n" }

        var failed = 0
        if let s = setup.scenario, let tracksRead = run.tracks {
            let outcomes = ScenarioEvaluation.evaluate(s, tracks: tracksRead, reports: result.reports,
                                                       airspaceOrder: result.totals.map(\.airspace), finders: setup.finders,
                                                       geodata: setup.geodataDir)
            text += "scenario \(s.name): \(s.title)\n"
            for z in s.zones { text += "  \(z.name) is an \(z.kind.rawValue.replacingOccurrences(of: "_", with: " ")): entering it is an \(z.kind.entryTerm), not a violation\n" }
            for o in outcomes {
                text += "  \(o.line)\n"
                if o.fails { failed += 1 }
            }
            if outcomes.isEmpty { text += "  (no checks)\n" }
        }
        if setup.outFormat != nil && (output ?? "-") == "-" {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            print(text, terminator: "")
        }
        return failed
    }

    func write(_ text: String, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            try AtomicFileWriter.write(Data(text.utf8), to: path)
        }
    }
}
