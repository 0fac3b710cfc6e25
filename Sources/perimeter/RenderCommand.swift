import ArgumentParser
import Foundation
import GeoJSON
import GISFormats
import PerimeterKit

/// `perimeter render LAYER.geojson… -o map.svg|map.gpkg|map.kml`: draws layers as an SVG map (optionally a PNG
/// beside it), or converts them to a GeoPackage or KML file.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw GeoJSON layers as an SVG/PNG map, or convert them to GeoPackage or KML.",
        discussion: """
            Each input file is a layer. Its role (how it is drawn) comes from a 'layer' property of its first feature \
            or from the file name: coverage*, *line*, sites*, gaps*, tracks*, inside*/incursion*, entry*/exit*/marks*, \
            airspace*, countries*; otherwise from its geometry (points → sites, polygons → coverage, lines → lines).
            -o map.svg renders a map with the countries of GeoData/countries.geojson as basemap (skipped with a \
            warning when missing); --png also writes map.png with rsvg-convert.
            -o layers.gpkg writes one GeoPackage table per input; -o layers.kml one KML Folder per input; \
            -o all.geojson merges the inputs, tagging each feature with a 'layer' property.
            """)

    @Argument(help: "GeoJSON layer files, drawn in this order.")
    var layers: [String] = []

    @Option(name: .shortAndLong, help: "Output file: .svg, .gpkg, .kml, .geojson or .html (interactive page).")
    var output: String

    @Option(help: "Map CRS (EPSG code, PROJ string or WKT).")
    var crs: String = "EPSG:3035"

    @Option(help: "Map extent in degrees: west,south,east,north (default: fit the data).")
    var bbox: String?

    @Flag(help: "Also write a PNG beside the SVG (needs rsvg-convert).")
    var png = false

    @Option(help: "PNG width, px.")
    var pngWidth: Int = 2000

    @Option(help: "SVG width, px.")
    var width: Double = 1000

    @Option(help: "Map title.")
    var title: String = ""

    @Option(help: "Data attribution written on the map.")
    var attribution: String = MapRenderer.Options.geoDataAttribution

    @Option(help: "GeoData directory (default: PERIMETER_GEODATA or the one beside the executable).")
    var geodata: String?

    @Flag(help: "Draw no basemap.")
    var noBasemap = false

    func validate() throws {
        guard !layers.isEmpty else { throw ValidationError("give at least one layer file") }
        let ext = (output as NSString).pathExtension.lowercased()
        guard ["svg", "gpkg", "kml", "geojson", "json", "html", "htm"].contains(ext) else {
            throw ValidationError("-o \(output): use .svg, .gpkg, .kml, .geojson or .html")
        }
        if ext == "html" || ext == "htm" { try HTMLMapOptions.check(output, flag: "-o") }
        if png, ext != "svg" { throw ValidationError("--png needs an .svg output") }
        if let bbox { _ = try Self.parseBBox(bbox) }
    }

    static func parseBBox(_ text: String) throws -> BoundingBox {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3],
              [w, s, e, n].allSatisfy(\.isFinite), w < e, s < n, s >= -90, n <= 90 else {
            throw ValidationError("--bbox \(text): expected west,south,east,north in degrees with west < east and south < north")
        }
        return BoundingBox(west: w, south: s, east: e, north: n)
    }

    /// The layer name of a file: its base name without extension.
    static func layerName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// The role of a layer: a `layer` property, the file name, else its geometry.
    static func role(for path: String, collection: FeatureCollection) -> MapLayerRole {
        if let tag = collection.features.first?.properties["layer"]?.stringValue, let role = MapLayerRole.guess(from: tag) { return role }
        if let role = MapLayerRole.guess(from: path) { return role }
        switch collection.features.first(where: { $0.geometry != nil })?.geometry {
        case .point, .multiPoint: return .sites
        case .polygon, .multiPolygon: return .coverage
        default: return .lines
        }
    }

    func run() throws {
        var inputs: [(name: String, collection: FeatureCollection)] = []
        for path in layers { inputs.append((Self.layerName(path), try GeoJSONReader.read(contentsOf: path))) }
        if ["html", "htm"].contains((output as NSString).pathExtension.lowercased()) {
            let pageLayers = zip(layers, inputs).map { MapLayer(name: $1.name, role: Self.role(for: $0, collection: $1.collection), collection: $1.collection) }
            try HTMLMapOptions.writeLayers(pageLayers, title: title.isEmpty ? inputs.map(\.name).joined(separator: ", ") : title,
                                           geodata: geodata, to: output)
            return
        }
        guard (output as NSString).pathExtension.lowercased() == "svg" else {
            try writeLayers(inputs, to: output)
            return
        }
        var mapLayers: [MapLayer] = []
        if !noBasemap, let basemap = loadBasemap() { mapLayers.append(basemap) }
        for (path, input) in zip(layers, inputs) {
            mapLayers.append(MapLayer(name: input.name, role: Self.role(for: path, collection: input.collection), collection: input.collection))
        }
        let options = MapRenderer.Options(crs: crs, bbox: try bbox.map(Self.parseBBox), widthPx: width, title: title, attribution: attribution)
        try MapRenderer(options: options).write(mapLayers, to: output)
        if png {
            let pngPath = (output as NSString).deletingPathExtension + ".png"
            try SVGRasterizer.png(svgPath: output, pngPath: pngPath, width: pngWidth)
        }
    }

    /// GeoData/countries.geojson as a basemap layer, or `nil` with a warning on standard error.
    private func loadBasemap() -> MapLayer? {
        do {
            let dir = try GeoDataLocator.directory(explicit: geodata)
            let file = GeoDataLocator.file("countries.geojson", in: dir)
            guard FileManager.default.fileExists(atPath: file) else {
                warn("warning: no basemap: \(file) does not exist")
                return nil
            }
            return MapLayer(name: "countries", role: .basemap, collection: try GeoJSONReader.read(contentsOf: file))
        } catch {
            warn("warning: no basemap: \(error)")
            return nil
        }
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
