import ArgumentParser
import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit

/// `perimeter airspace <ISO> [-o FILE] [--geodata DIR] [--no-rules] [--exclude-airspace FILE...]`: a state's national airspace
/// (land + 12 NM territorial sea cut at computed median lines) as a GeoJSON MultiPolygon feature.
struct AirspaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "airspace",
        abstract: "A state's national airspace: land plus territorial sea.",
        usage: "perimeter airspace <iso> [-o <file>] [<options>]",
        discussion: """
            Territorial sea: 12 NM (22,224 m) from the coast and islands, cut at the equidistance line with \
            neighbouring coastal states (computed, not treaty coordinates), with the exceptions in \
            GeoData/airspace-rules.json (the Gulf of Finland 3 NM setback) unless --no-rules. \
            ISO is an iso2 code; RU-KGD is the Kaliningrad exclave.

            Writes one feature in the format of the -o extension (.geojson, or '-' for stdout; .gpkg; \
            .kml). The summary goes to stdout, or to stderr when the data goes to stdout. Progress on \
            stderr (a large state takes seconds: UA about 5, FI with its thousands of islands about 20) unless --quiet.
            """)

    @Argument(help: "State iso2 code (e.g. EE, PL, RU-KGD).")
    var iso: String

    @Option(name: .shortAndLong, help: "Output file: .geojson, .gpkg or .kml; '-' or none: GeoJSON on stdout.")
    var output: String?

    @Option(help: SharedFlags.geodataHelp)
    var geodata: String?

    @Option(name: .customLong("exclude-airspace"), parsing: .upToNextOption,
            help: "GeoJSON files of neighbours' airspace already built: taken out of this state's territorial sea (never its land).")
    var excludeAirspace: [String] = []

    @Flag(help: "Do not apply the rules file's exceptions (coverage limits still apply).")
    var noRules = false

    @Flag(help: SharedFlags.quietHelp)
    var quiet = false

    @OptionGroup(title: "Interactive map") var htmlMap: HTMLMapOptions

    func validate() throws {
        if let output { do { _ = try OutputFormat(path: output) } catch { throw FlagError("-o \(error)") } }
    }

    func run() throws {
        let start = Date()
        let builder = try AirspaceBuilder(geoData: GeoDataLocator.directory(explicit: geodata))
        let context = GEOSContext()
        let excluded = try excludedAirspace(context: context)
        let progress = ProgressReporter(label: "airspace \(iso.uppercased())", quiet: quiet)
        let airspace = try builder.airspace(iso2: iso, applyExceptions: !noRules, excluding: excluded, context: context,
                                            progress: progress.sink)
        progress.finish(done: AirspaceBuilder.progressSteps, total: AirspaceBuilder.progressSteps, unit: "steps")
        let path = output ?? "-"
        try writeLayers([("airspace_\(airspace.iso2)", FeatureCollection(features: [airspace.feature]))], to: path)
        let line = summary(airspace, seconds: Date().timeIntervalSince(start), path: path)
        if path == "-" { FileHandle.standardError.write(Data(line.utf8)) } else { print(line, terminator: "") }
        try htmlMap.writeAirspace(airspace, geodata: builder.geoData)
    }

    /// The `--exclude-airspace` files' geometries; a bad feature is a one-line error naming the file and feature.
    func excludedAirspace(context: GEOSContext) throws -> [Geometry] {
        var excluded: [Geometry] = []
        for file in excludeAirspace {
            let fc = try GeoJSONReader.read(contentsOf: file)
            for (i, f) in fc.features.enumerated() {
                guard let g = f.geometry else { continue }
                do { excluded.append(try g.geosGeometry(context: context)) } catch {
                    throw ValidationError("\(file): features[\(i)]: \(error)")
                }
            }
        }
        return excluded
    }

    /// The one-line summary: areas, rules applied, time and where the file went.
    func summary(_ airspace: Airspace, seconds: Double, path: String) -> String {
        let rules = airspace.rulesApplied.isEmpty ? "no rules" : "rules: " + airspace.rulesApplied.joined(separator: ", ")
        return String(format: "%@ airspace: %.1f km² (land %.1f, territorial sea %.1f), %@, %.1f s → %@\n",
                      airspace.iso2, airspace.areaKm2, airspace.landKm2, airspace.territorialSeaKm2,
                      rules, seconds, path == "-" ? "stdout" : path)
    }
}
