import ArgumentParser
import Foundation
import GeoJSON
import PerimeterKit

/// `perimeter coverage`: geodesic coverage circles of a set of sites and their union.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Geodesic (WGS84) coverage circles of Point sites and their union, as GeoJSON.",
        discussion: """
            Each Point feature of SITES is a site; its radius is the property range_km, else --range-km. \
            Writes a FeatureCollection with one coverage_circle per site and one coverage_union \
            (area_km2 geodesic, perimeter_km, parts, holes). With -o FILE the summary goes to stdout; \
            when the GeoJSON goes to stdout (no -o, or -o -) the summary goes to stderr.
            """)

    @Argument(help: "GeoJSON file of Point sites.")
    var sites: String

    @Option(name: .customLong("range-km"), help: "Radius in km for sites without a range_km property.")
    var rangeKm: Double?

    @Option(name: .customLong("tolerance-m"), help: "Maximum chord-to-arc error of the circles, metres.")
    var toleranceM: Double = 10

    @Option(name: .shortAndLong, help: "Output file (.geojson); '-' for stdout.")
    var output: String = "-"

    @Flag(name: .customLong("no-circles"), help: "Write only the union, not each site's circle.")
    var noCircles = false

    @Option(help: "Worker threads for the union (default: all cores).")
    var threads: Int?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @OptionGroup(title: "Map") var mapOptions: MapOptions
    @OptionGroup(title: "Interactive map") var htmlMap: HTMLMapOptions

    func validate() throws {
        if let r = rangeKm, !(r.isFinite && r > 0) { throw ValidationError("--range-km must be a positive number of km") }
        guard toleranceM.isFinite, toleranceM > 0 else { throw ValidationError("--tolerance-m must be a positive number of metres") }
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let started = Date()
        let siteList = try SiteReader.read(contentsOf: sites, defaultRangeKm: rangeKm)
        let progress = ProgressReporter(label: "coverage", quiet: quiet)
        let coverage = try Coverage.build(
            sites: siteList, toleranceM: toleranceM,
            threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, progress: progress.sink)
        progress.finish(done: siteList.count, total: siteList.count, unit: "circles")
        let collection = FeatureCollection(features: try coverage.features(includeCircles: !noCircles))
        try GeoJSONWriter().write(collection, to: output)

        let ranges = siteList.map(\.rangeM)
        let lines = [
            "coverage of \(siteList.count) sites from \(sites)",
            String(format: "  radius:          %.1f–%.1f km (geodesic circles, chord error ≤ %.1f m)",
                   (ranges.min() ?? 0) / 1000, (ranges.max() ?? 0) / 1000, toleranceM),
            String(format: "  union area:      %.1f km2 (WGS84 geodesic)", coverage.areaM2 / 1e6),
            String(format: "  union perimeter: %.1f km", coverage.perimeterM / 1000),
            "  parts: \(coverage.parts), holes: \(coverage.holes)",
            "  output:          \(output == "-" ? "stdout" : output)",
            String(format: "  time:            %.2f s", Date().timeIntervalSince(started)),
        ]
        let text = lines.joined(separator: "\n") + "\n"
        if output == "-" {
            FileHandle.standardError.write(Data(text.utf8))
        } else {
            print(text, terminator: "")
        }
        try mapOptions.write({ try coverage.mapLayers() }, geodata: nil, title: "Coverage of \(siteList.count) sites")
        try htmlMap.writeCoverage(coverage, title: "Coverage of \(siteList.count) sites")
    }
}
