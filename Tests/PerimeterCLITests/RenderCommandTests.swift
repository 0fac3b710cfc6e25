import Foundation
import GeoJSON
import Testing
@testable import perimeter

/// `perimeter render` (called through its parser; the command is registered by the integrator).
@Suite struct RenderCommandTests {
    static func scene() throws -> String {
        let dir = NSTemporaryDirectory() + "render-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let sites = FeatureCollection(features: [
            Feature(geometry: .point(Position(lon: 21.0122, lat: 52.2297)), properties: ["name": "Warsaw"]),
            Feature(geometry: .point(Position(lon: 30.5234, lat: 50.4501)), properties: ["name": "Kyiv"]),
        ])
        let line = FeatureCollection(features: [
            Feature(geometry: .lineString([Position(lon: 23.2, lat: 54.0), Position(lon: 24.0, lat: 51.0)]), properties: ["name": "east"]),
        ])
        try GeoJSONWriter().write(sites, to: dir + "/sites.geojson")
        try GeoJSONWriter().write(line, to: dir + "/eastern_line.geojson")
        // A GeoData folder with a tiny basemap.
        try FileManager.default.createDirectory(atPath: dir + "/GeoData", withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: dir + "/GeoData/profiles.json"))
        let pl = FeatureCollection(features: [Feature(geometry: .polygon([[
            Position(lon: 14, lat: 49), Position(lon: 24, lat: 49), Position(lon: 24, lat: 55), Position(lon: 14, lat: 55), Position(lon: 14, lat: 49),
        ]]), properties: ["name": "Poland"])])
        try GeoJSONWriter().write(pl, to: dir + "/GeoData/countries.geojson")
        return dir
    }

    @Test func rendersSVGWithBasemapAndPNG() throws {
        let dir = try Self.scene()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var args = [dir + "/sites.geojson", dir + "/eastern_line.geojson", "-o", dir + "/map.svg", "--geodata", dir + "/GeoData", "--title", "CLI"]
        args += ["--png", "--png-width", "400"]  // rsvg-convert is required (make test-deps): missing = failure
        let command = try RenderCommand.parse(args)
        try command.run()
        let svg = try String(contentsOfFile: dir + "/map.svg", encoding: .utf8)
        #expect(svg.contains("id=\"basemap\"") && svg.contains("data-name=\"Poland\""))
        #expect(svg.contains("id=\"sites\"") && svg.contains("id=\"lines\""))
        #expect(FileManager.default.fileExists(atPath: dir + "/map.png"))
    }

    @Test(arguments: ["gpkg", "kml", "geojson"]) func convertsLayers(ext: String) throws {
        let dir = try Self.scene()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let command = try RenderCommand.parse([dir + "/sites.geojson", dir + "/eastern_line.geojson", "-o", dir + "/out.\(ext)"])
        try command.run()
        #expect(FileManager.default.fileExists(atPath: dir + "/out.\(ext)"))
        if ext == "geojson" {
            let merged = try GeoJSONReader.read(contentsOf: dir + "/out.geojson")
            #expect(merged.features.map { $0.properties["layer"]?.stringValue } == ["sites", "sites", "eastern_line"])
        }
        if ext != "geojson" {  // GDAL is required (make test-deps): a missing ogrinfo fails in p.run()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/ogrinfo")
            p.arguments = ["-so", "-al", dir + "/out.\(ext)"]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            #expect(out.contains("Layer name: sites") && out.contains("Layer name: eastern_line"), "\(out)")
        }
    }

    @Test func validation() throws {
        #expect(throws: (any Error).self) { try RenderCommand.parse(["a.geojson", "-o", "map.pdf"]) }
        #expect(throws: (any Error).self) { try RenderCommand.parse(["a.geojson", "-o", "map.svg", "--bbox", "30,50,20,55"]) }
        #expect(throws: (any Error).self) { try RenderCommand.parse(["a.geojson", "-o", "a.kml", "--png"]) }
        #expect(throws: (any Error).self) { try RenderCommand.parse(["-o", "a.svg"]) }
        #expect(try RenderCommand.parseBBox("14,49,24.5,55") == BoundingBox(west: 14, south: 49, east: 24.5, north: 55))
        #expect(RenderCommand.role(for: "x/tracks_1.geojson", collection: FeatureCollection()) == .tracks)
        let tagged = FeatureCollection(features: [Feature(geometry: nil, properties: ["layer": "inside"])])
        #expect(RenderCommand.role(for: "anything.geojson", collection: tagged) == .inside)
        #expect(throws: (any Error).self) { try OutputFormat(path: "x.shp") }
        #expect(try OutputFormat(path: "x.GPKG") == .geopackage)
    }
}
