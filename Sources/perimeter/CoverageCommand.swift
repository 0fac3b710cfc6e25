import ArgumentParser
import Foundation
import GeoJSON
import PerimeterKit

/// `perimeter coverage`: geodesic coverage circles of a set of sites and their union.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Geodesic (WGS84) coverage circles of point sites and their union.",
        discussion: """
            Each Point feature of SITES is a site. Its radius: --override-range-km when given (for every \
            site), else the site's range_km property, else --range-km (the default for sites without one; \
            stderr notes how many sites kept their own).

            Writes one coverage_circle per site and one coverage_union (area_km2 geodesic, perimeter_km, \
            parts, holes), in the format of the -o extension: .geojson (or '-' for stdout), .gpkg \
            (GeoPackage, tables coverage_circles and coverage_union) or .kml. The summary goes to stdout, \
            or to stderr when the data goes to stdout.
            """)

    @Argument(help: "GeoJSON file of Point sites.")
    var sites: String

    @Option(name: .customLong("range-km"), parsing: .unconditional,
            help: ArgumentHelp("Radius for sites without a range_km property, km.", valueName: "km"))
    var rangeKm: Double?

    @Option(name: .customLong("override-range-km"), parsing: .unconditional,
            help: ArgumentHelp("Radius for every site, replacing its range_km property, km.", valueName: "km"))
    var overrideRangeKm: Double?

    @Option(name: .customLong("tolerance-m"), parsing: .unconditional, help: SharedFlags.toleranceHelp)
    var toleranceM: Double = SharedFlags.defaultToleranceM

    @Option(name: .shortAndLong, help: "Output file: .geojson, .gpkg or .kml; '-' for GeoJSON on stdout.")
    var output: String = "-"

    @Flag(name: .customLong("no-circles"), help: "Write only the union, not each site's circle.")
    var noCircles = false

    @Option(parsing: .unconditional, help: SharedFlags.threadsHelp)
    var threads: Int?

    @Flag(help: SharedFlags.quietHelp)
    var quiet = false

    @Option(help: SharedFlags.geodataHelp)
    var geodata: String?

    @OptionGroup(title: "Map") var mapOptions: MapOptions
    @OptionGroup(title: "Interactive map") var htmlMap: HTMLMapOptions

    func validate() throws {
        if let r = rangeKm { try SharedFlags.check(r, "--range-km", unit: "km") }
        if let r = overrideRangeKm { try SharedFlags.check(r, "--override-range-km", unit: "km") }
        if rangeKm != nil && overrideRangeKm != nil {
            throw FlagError("give --range-km (default for sites without range_km) or --override-range-km (every site), not both")
        }
        try SharedFlags.check(toleranceM, "--tolerance-m", unit: "metres")
        if let t = threads, t < 1 { throw FlagError("--threads must be at least 1, got \(t)") }
        do { _ = try OutputFormat(path: output) } catch { throw FlagError("-o \(error)") }
    }

    func run() throws {
        let started = Date()
        let input = try GeoJSONReader.read(contentsOf: sites)
        let siteList = try SiteReader.sites(from: input, source: sites, defaultRangeKm: overrideRangeKm ?? rangeKm,
                                            override: overrideRangeKm != nil)
        if let note = rangeNote(input) { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        let progress = ProgressReporter(label: "coverage", quiet: quiet)
        let coverage = try Coverage.build(
            sites: siteList, toleranceM: toleranceM,
            threads: SharedFlags.threads(threads), keepRings: !noCircles, progress: progress.sink)
        progress.finish(done: siteList.count, total: siteList.count, unit: "circles")
        let features = try coverage.features(includeCircles: !noCircles, threads: SharedFlags.threads(threads))
        let circles = features.filter { $0.properties["layer"]?.stringValue == "coverage_circle" }
        let union = features.filter { $0.properties["layer"]?.stringValue == "coverage_union" }
        try writeLayers([("coverage_circles", FeatureCollection(features: circles)), ("coverage_union", FeatureCollection(features: union))]
                            .filter { !$0.1.features.isEmpty }, to: output)

        let text = summary(siteList, coverage, seconds: Date().timeIntervalSince(started))
        if output == "-" {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            print(text, terminator: "")
        }
        try mapOptions.write({ try coverage.mapLayers() }, geodata: geodata, title: "Coverage of \(SharedFlags.counted(siteList.count, "site"))")
        try htmlMap.writeCoverage(coverage, title: "Coverage of \(SharedFlags.counted(siteList.count, "site"))")
    }

    /// The summary printed after the data: radii, union area and perimeter, parts, holes, output, time.
    func summary(_ siteList: [Site], _ coverage: Coverage, seconds: Double) -> String {
        let ranges = siteList.map(\.rangeM)
        let lines = [
            "coverage of \(SharedFlags.counted(siteList.count, "site")) from \(sites)",
            String(format: "  radius:          %.1f–%.1f km (geodesic circles, chord error ≤ %.1f m)",
                   (ranges.min() ?? 0) / 1000, (ranges.max() ?? 0) / 1000, toleranceM),
            String(format: "  union area:      %.1f km2 (WGS84 geodesic)", coverage.areaM2 / 1e6),
            String(format: "  union perimeter: %.1f km", coverage.perimeterM / 1000),
            "  parts: \(coverage.parts), holes: \(coverage.holes)",
            "  output:          \(output == "-" ? "stdout" : output)",
            String(format: "  time:            %.2f s", seconds),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The note on stderr when `--range-km` is given and some sites carry their own `range_km` (which wins), or
    /// when `--override-range-km` replaces sites' own values. `nil` when no flag meets a site's value.
    func rangeNote(_ input: FeatureCollection) -> String? {
        let own = input.features.filter { f in f.properties["range_km"].map { !$0.isNull } ?? false }.count
        guard own > 0 else { return nil }
        let total = input.features.count
        if let r = overrideRangeKm {
            return "note: --override-range-km \(FlagNumber.plain(r)) replaces the range_km of \(SharedFlags.counted(own, "site")) of \(total)"
        }
        guard let r = rangeKm else { return nil }
        if own == total {
            return "note: --range-km \(FlagNumber.plain(r)) is not used: every site has its own range_km (--override-range-km replaces them)"
        }
        return "note: --range-km \(FlagNumber.plain(r)) applies to \(SharedFlags.counted(total - own, "site")) without range_km; "
            + "\(own) keep their own (--override-range-km replaces them)"
    }
}
