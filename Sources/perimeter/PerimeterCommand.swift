import ArgumentParser
import GeometryCore
import PerimeterKit

@main
struct PerimeterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perimeter",
        abstract: "Air-defense perimeter analysis: coverage, comparison, incursions.",
        version: "perimeter \(perimeterVersion) (GEOS \(LibraryVersions.geos), PROJ \(LibraryVersions.proj))",
        subcommands: [
            CompareCommand.self, CoverageCommand.self, IncursionsCommand.self, AirspaceCommand.self,
            ScenariosCommand.self, GeoDataCommand.self, RenderCommand.self,
        ])
}
