import ArgumentParser
import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit

/// `--map FILE.svg` and its companions, shared by `coverage`, `compare` and `incursions`: the command's result
/// drawn over the GeoData basemap (and the main places of the view) through ``MapRenderer``.
struct MapOptions: ParsableArguments {
    @Option(name: .customLong("map"), help: ArgumentHelp("Also draw the result as an SVG map over the GeoData basemap.", valueName: "file.svg"))
    var map: String?

    @Flag(help: "With --map: also write a PNG beside the SVG (2000 px wide; needs rsvg-convert).")
    var png = false

    @Option(name: .customLong("map-crs"), help: SharedFlags.mapCRSHelp)
    var mapCRS: String?

    @Option(name: .customLong("map-bbox"), parsing: .unconditional, help: SharedFlags.mapBBoxHelp)
    var mapBBox: String?

    @Option(name: .customLong("map-title"), help: "Map title (default: what the command computed).")
    var mapTitle: String?

    /// PNG width, px.
    static let pngWidth = 2000

    func validate() throws {
        guard let map else {
            if png { throw ValidationError("--png needs --map FILE.svg") }
            if mapBBox != nil || mapTitle != nil { throw ValidationError("--map-bbox and --map-title need --map FILE.svg") }
            return
        }
        guard (map as NSString).pathExtension.lowercased() == "svg" else { throw ValidationError("--map \(map): the map file must end in .svg") }
        if let mapBBox { _ = try bbox(mapBBox) }
        // An unknown CRS is refused before any work, so no result file is written for a run
        // whose map cannot be drawn.
        if let mapCRS { do { _ = try CRS(mapCRS) } catch { throw FlagError("--map-crs: \(error)") } }
    }

    private func bbox(_ text: String) throws -> BoundingBox {
        do { return try RenderCommand.parseBBox(text) } catch {
            throw ValidationError("--map-bbox \(text): expected west,south,east,north in degrees with west < east and south < north")
        }
    }

    /// Draws `layers()` (not evaluated without `--map`) over the basemap and writes the SVG (and PNG).
    /// A missing GeoData basemap is a warning, not an error.
    /// `marginFraction` is the margin around the data (``MapRenderer/Options/marginFraction``).
    func write(_ layers: () throws -> [MapLayer], geodata: String?, title: String, marginFraction: Double = 0.08) throws {
        guard let map else { return }
        var all: [MapLayer] = []
        var data = try layers()
        do {
            let dir = try GeoDataLocator.directory(explicit: geodata)
            all += try GeoDataMapLayers.basemap(geodata: dir)
            if let places = try GeoDataMapLayers.places(geodata: dir, for: data) { data.append(places) }
        } catch {
            FileHandle.standardError.write(Data("warning: map without basemap: \(error)\n".utf8))
        }
        all += data
        let box = try mapBBox.map(bbox)
        let crs = SharedFlags.mapCRS(mapCRS, layers: all, bbox: box) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let options = MapRenderer.Options(crs: crs, bbox: box, marginFraction: marginFraction,
                                          title: mapTitle ?? title, attribution: MapRenderer.Options.geoDataAttribution)
        try MapRenderer(options: options).write(all, to: map)
        var written = map
        if png {
            let pngPath = (map as NSString).deletingPathExtension + ".png"
            try SVGRasterizer.png(svgPath: map, pngPath: pngPath, width: Self.pngWidth)
            written += " and " + pngPath
        }
        FileHandle.standardError.write(Data("map written to \(written)\n".utf8))
    }

    /// The map of an incursions run: ``IncursionMap`` over the tracks (`tracks` when already read, else read
    /// again from `reopen()`, keeping only the tracks drawn).
    func writeIncursions(_ result: TrackPipeline.Result, tracks: [Track]?, reopen: () throws -> AnyTrackSource,
                         airspaces: [AirspacePolygon], coverage: SensorCoverageDrawing? = nil, geodata: String?, title: String) throws {
        guard map != nil else { return }
        try write({
            var drawing = IncursionMap(reports: result.reports, airspaces: airspaces,
                                       coverage: coverage.map { ($0.features, $0.label) })
            if let tracks {
                for (i, t) in tracks.enumerated() where drawing.wants(trackAt: i) { drawing.add(t, at: i) }
            } else {
                var source = try reopen()
                var i = 0
                while let t = try source.nextTrack() {
                    if drawing.wants(trackAt: i) { drawing.add(t, at: i) }
                    i += 1
                }
            }
            return drawing.layers()
        }, geodata: geodata, title: title, marginFraction: 0.25)
    }
}
