import ArgumentParser
import Foundation
import GeoJSON
import PerimeterKit

/// `perimeter geodata list|show`: the datasets shipped in GeoData.
struct GeoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geodata",
        abstract: "List or print the GeoData datasets.",
        subcommands: [List.self, Show.self])

    /// `perimeter geodata list`: every dataset with feature count, bbox and source.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every dataset with feature count, bbox and source.")

        @Option(help: SharedFlags.geodataHelp)
        var geodata: String?

        func run() throws {
            let catalog = GeoDataCatalog(directory: try GeoDataLocator.directory(explicit: geodata))
            for name in catalog.datasets {
                let s = try catalog.summary(name)
                let box = s.bbox.map { String(format: "%.3f,%.3f,%.3f,%.3f", $0.west, $0.south, $0.east, $0.north) } ?? "-"
                let source = s.sources.isEmpty ? "-" : s.sources.prefix(2).joined(separator: "; ") + (s.sources.count > 2 ? "; …" : "")
                print("\(name)\t\(s.featureCount) features\tbbox \(box)\t\(source)")
            }
        }
    }

    /// `perimeter geodata show NAME [--iso XX]`: one dataset as GeoJSON on stdout.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one dataset as GeoJSON (e.g. countries, airspace/EE).")

        @Argument(help: "Dataset name: a file stem such as countries, borders, dnipro, land, places, airspace/EE.")
        var name: String

        @Option(help: "Keep only features whose iso2, pair or id names this code.")
        var iso: String?

        @Option(help: SharedFlags.geodataHelp)
        var geodata: String?

        func run() throws {
            let catalog = GeoDataCatalog(directory: try GeoDataLocator.directory(explicit: geodata))
            try GeoJSONWriter().write(catalog.collection(name, iso: iso), to: "-")
        }
    }
}
