import ArgumentParser
import Foundation
import GeoJSON
import MapHTML
import PerimeterKit

/// `--html FILE.html`, shared by `compare`, `coverage`, `incursions` and `airspace` (and `render -o FILE.html`): the
/// result as one self-contained interactive page (``HTMLMapPage``: Leaflet from Debian's libjs-leaflet inlined,
/// GeoData basemap, no network request).
struct HTMLMapOptions: ParsableArguments {
    @Option(name: .customLong("html"), help: ArgumentHelp(
        "Also write an interactive map page that works offline (Leaflet from Debian's libjs-leaflet inlined).", valueName: "file.html"))
    var html: String?

    func validate() throws {
        if let html { try Self.check(html, flag: "--html") }
    }

    /// Refuses, before any work, a page that could not be written: not `.html`, a missing directory, or no Leaflet.
    static func check(_ path: String, flag: String) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else { throw FlagError("\(flag) \(path): the page must end in .html") }
        let dir = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        let parent = dir.isEmpty ? "." : dir
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FlagError("\(flag) \(path): the directory \(parent) does not exist")
        }
        do { _ = try LeafletAssets.load() } catch { throw FlagError("\(flag) \(path): \(error)") }
    }

    /// The GeoData basemap for `layers`, or `nil` with a warning when GeoData cannot be read.
    static func basemap(geodata: String?, for layers: [MapLayer]) -> PageBasemap? {
        do {
            return try PageBasemap.load(geodata: try GeoDataLocator.directory(explicit: geodata), for: layers)
        } catch {
            FileHandle.standardError.write(Data("warning: page without basemap: \(error)\n".utf8))
            return nil
        }
    }

    /// Builds the page (not evaluated without `--html`) and writes it atomically.
    static func write(_ page: () throws -> HTMLMapPage, to path: String) throws {
        let text = try page()
        try text.write(to: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        FileHandle.standardError.write(Data(String(format: "page written to %@ (%.2f MB)\n", path, Double(size) / 1e6).utf8))
    }

    func writeComparison(_ report: ComparisonReport, geodata: String?, title: String) throws {
        guard let html else { return }
        try Self.write({
            try HTMLMapPage.comparison(report, title: title, basemap: Self.basemap(geodata: geodata, for: try report.mapLayers()))
        }, to: html)
    }

    func writeCoverage(_ coverage: Coverage, title: String) throws {
        guard let html else { return }
        try Self.write({
            try HTMLMapPage.coverage(coverage, title: title, basemap: Self.basemap(geodata: nil, for: try coverage.mapLayers()))
        }, to: html)
    }

    func writeAirspace(_ airspace: Airspace, geodata: String?) throws {
        guard let html else { return }
        try Self.write({
            let layer = MapLayer(name: "airspace", role: .airspace, collection: FeatureCollection(features: [try airspace.feature]))
            return try HTMLMapPage.airspace(airspace, basemap: Self.basemap(geodata: geodata, for: [layer]))
        }, to: html)
    }

    /// The incursions page: the drawn tracks are `tracks` when already read, else read again from `reopen()`.
    /// `coverage` is drawn, and its finders give the slider's in-coverage state.
    func writeIncursions(_ result: TrackPipeline.Result, tracks: [Track]?, reopen: () throws -> AnyTrackSource,
                         airspaces: [AirspacePolygon], coverage drawing: SensorCoverageDrawing?,
                         geodata: String?, title: String) throws {
        guard let html else { return }
        try Self.write({
            let selected = HTMLMapPage.selection(result.reports, airspaces: airspaces)
            var chosen: [(index: Int, track: Track)] = []
            if let tracks {
                for (i, t) in tracks.enumerated() where selected.contains(i) { chosen.append((i, t)) }
            } else {
                var source = try reopen()
                var i = 0
                while let t = try source.nextTrack() {
                    if selected.contains(i) { chosen.append((i, t)) }
                    i += 1
                }
            }
            let coverage = drawing.map { (features: $0.features, finders: $0.finders) }
            // The places near the tracks (their bounding box decides which).
            let extent = chosen.filter { !$0.track.fixes.isEmpty }.map { c in
                MapLayer(name: c.track.id, role: .tracks, collection: FeatureCollection(features: [Feature(
                    geometry: .multiPoint(stride(from: 0, to: c.track.fixes.count, by: 50).map { Position(c.track.fixes[$0].position) }
                        + [Position(c.track.fixes[c.track.fixes.count - 1].position)]), properties: [:])]))
            }
            return HTMLMapPage.incursions(result, tracks: chosen, airspaces: airspaces, coverage: coverage, title: title,
                                          basemap: Self.basemap(geodata: geodata, for: extent))
        }, to: html)
    }

    /// `render … -o FILE.html`: the layers as a page.
    static func writeLayers(_ layers: [MapLayer], title: String, geodata: String?, to path: String) throws {
        try write({ HTMLMapPage.layers(layers, title: title, basemap: basemap(geodata: geodata, for: layers)) }, to: path)
    }
}
