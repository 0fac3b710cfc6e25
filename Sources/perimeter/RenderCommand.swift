import ArgumentParser
import Foundation
import GeoJSON
import GeometryCore
import GISFormats
import PerimeterKit

/// `perimeter render LAYER.geojson… -o map.svg|map.gpkg|map.kml`: draws layers as an SVG map (optionally a PNG
/// beside it), or converts them to a GeoPackage or KML file.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw layers as an SVG/PNG map, or convert them to GeoPackage or KML.",
        usage: "perimeter render <layers> ... -o <file> [<options>]",
        discussion: """
            Each feature is drawn by its role, read from its 'role' or 'layer' property as Perimeter's \
            commands write them (protected_region, coverage_union, forward_line, gap, site, incursion, \
            entry_exit, …). Layers are ordered by role whatever the order of the files: regions under \
            coverage under lines under points; the legend has one entry per role and label.

            A foreign file whose features carry no role is drawn by a guess from its file name \
            (coverage*, *line*, sites*, gaps*, tracks*, inside*, entry*/exit*, airspace*, regions*), \
            else from its geometry; stderr says which guess was made.

            -o map.svg draws over the GeoData basemap (every country of Europe and its neighbours, \
            major lakes and rivers; --no-basemap for none); --png also writes map.png (rsvg-convert). \
            -o layers.gpkg writes one GeoPackage table per input, -o layers.kml one KML folder per \
            input, -o all.geojson merges the inputs, tagging each feature with a 'layer' property; \
            -o page.html writes an interactive offline page.
            """)

    @Argument(help: "GeoJSON layer files.")
    var layers: [String] = []

    @Option(name: .shortAndLong, help: "Output file: .svg, .gpkg, .kml, .geojson or .html (interactive page).")
    var output: String

    @Option(name: .customLong("map-crs"), help: SharedFlags.mapCRSHelp)
    var mapCRS: String?

    @Option(name: .customLong("map-bbox"), parsing: .unconditional, help: SharedFlags.mapBBoxHelp)
    var mapBBox: String?

    @Option(name: .customLong("map-title"), help: "Map title (default: none).")
    var mapTitle: String?

    /// Old spellings of `--map-crs`, `--map-bbox` and `--map-title`, still accepted (hidden from help).
    @Option(name: .customLong("crs"), help: .hidden) var crsAlias: String?
    @Option(name: .customLong("bbox"), parsing: .unconditional, help: .hidden) var bboxAlias: String?
    @Option(name: .customLong("title"), help: .hidden) var titleAlias: String?

    @Flag(help: "Also write a PNG beside the SVG (needs rsvg-convert).")
    var png = false

    @Option(parsing: .unconditional, help: "PNG width, px.")
    var pngWidth: Int = 2000

    @Option(parsing: .unconditional, help: "SVG width, px.")
    var width: Double = 1000

    @Option(help: "Data attribution written on the map.")
    var attribution: String = MapRenderer.Options.geoDataAttribution

    @Option(help: SharedFlags.geodataHelp)
    var geodata: String?

    @Flag(help: "Draw no basemap.")
    var noBasemap = false

    @Flag(help: SharedFlags.quietHelp)
    var quiet = false

    /// `--map-crs` or its old spelling `--crs`; `nil`: chosen for the data (``SharedFlags/mapCRS(_:layers:bbox:note:)``).
    var crs: String? { mapCRS ?? crsAlias }
    /// `--map-bbox` or `--bbox`.
    var bbox: String? { mapBBox ?? bboxAlias }
    /// `--map-title` or `--title`.
    var title: String { mapTitle ?? titleAlias ?? "" }

    func validate() throws {
        guard !layers.isEmpty else { throw ValidationError("give at least one layer file") }
        for (new, old, a, b) in [("--map-crs", "--crs", mapCRS, crsAlias), ("--map-bbox", "--bbox", mapBBox, bboxAlias),
                                 ("--map-title", "--title", mapTitle, titleAlias)] where a != nil && b != nil && a != b {
            throw FlagError("\(new) and \(old) (its old spelling) give different values; give \(new) only")
        }
        let ext = (output as NSString).pathExtension.lowercased()
        guard ["svg", "gpkg", "kml", "geojson", "json", "html", "htm"].contains(ext) else {
            throw ValidationError("-o \(output): use .svg, .gpkg, .kml, .geojson or .html")
        }
        if ext == "html" || ext == "htm" { try HTMLMapOptions.check(output, flag: "-o") }
        if png, ext != "svg" { throw ValidationError("--png needs an .svg output") }
        guard width.isFinite, width >= 100, width <= 20_000 else { throw FlagError("--width must be 100 to 20000 px, got \(FlagNumber.plain(width))") }
        guard pngWidth >= 16, pngWidth <= 20_000 else { throw FlagError("--png-width must be 16 to 20000 px, got \(pngWidth)") }
        if let bbox { _ = try Self.parseBBox(bbox) }
        // An unknown CRS is refused before any input is read (as --map-crs on the other commands).
        if ext == "svg", let crs { do { _ = try CRS(crs) } catch { throw FlagError("--map-crs: \(error)") } }
    }

    static func parseBBox(_ text: String, flag: String = "--map-bbox") throws -> BoundingBox {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3],
              [w, s, e, n].allSatisfy(\.isFinite), w < e, s < n, s >= -90, n <= 90 else {
            throw ValidationError("\(flag) \(text): expected west,south,east,north in degrees with west < east and south < north")
        }
        return BoundingBox(west: w, south: s, east: e, north: n)
    }

    /// The layer name of a file: its base name without extension.
    static func layerName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// The role of a feature from its own properties: `role`, then `layer` (``MapLayerRole/init(tag:)``).
    static func taggedRole(_ f: Feature) -> MapLayerRole? {
        for key in ["role", "layer"] {
            if let tag = f.properties[key]?.stringValue, let role = MapLayerRole(tag: tag) { return role }
        }
        return nil
    }

    /// The role of a file's features without a tag: the file name's guess, else the geometry (points → sites,
    /// polygons → coverage, lines → lines), and how it was found.
    static func fallbackRole(for path: String, collection: FeatureCollection) -> (role: MapLayerRole, how: String) {
        if let role = MapLayerRole.guess(from: path) { return (role, "guessed from its file name") }
        switch collection.features.first(where: { $0.geometry != nil })?.geometry {
        case .point, .multiPoint: return (.sites, "guessed from its Point geometry")
        case .polygon, .multiPolygon: return (.coverage, "guessed from its Polygon geometry")
        default: return (.lines, "guessed from its line geometry")
        }
    }

    /// The role of a whole file: its first tagged feature's, else ``fallbackRole(for:collection:)``.
    static func role(for path: String, collection: FeatureCollection) -> MapLayerRole {
        collection.features.lazy.compactMap(taggedRole).first ?? fallbackRole(for: path, collection: collection).role
    }

    /// The map layers of the inputs: features grouped by role across all files (one layer per role and
    /// legend label, in first-seen order; the renderer orders them by role). Untagged features take their
    /// file's fallback role, reported through `note`.
    static func mapLayers(_ inputs: [(path: String, collection: FeatureCollection)], note: (String) -> Void) -> [MapLayer] {
        var order: [String] = []
        var groups: [String: (role: MapLayerRole, label: String, features: [Feature])] = [:]
        for (path, collection) in inputs {
            var fallback: MapLayerRole?
            for f in collection.features {
                let role: MapLayerRole
                if let tagged = taggedRole(f) {
                    role = tagged
                } else {
                    if fallback == nil {
                        let (r, how) = fallbackRole(for: path, collection: collection)
                        fallback = r
                        note("render: \(path): features without a 'role' or 'layer' property drawn as \(r.rawValue) (\(how))")
                    }
                    role = fallback!
                }
                let label = legendLabel(role, f)
                let key = role.rawValue + "\u{0}" + label
                if groups[key] == nil { order.append(key); groups[key] = (role, label, []) }
                groups[key]!.features.append(f)
            }
        }
        return order.map { key in
            let g = groups[key]!
            var style = MapStyle.default(for: g.role)
            if g.label == splitLabel { style = MapStyle(fill: nil, stroke: "#6a6a6a", strokeWidth: 1, dash: "3 3") }
            if g.label == "Site line" { style.stroke = "#555555"; style.strokeWidth = 1; style.dash = "4 3" }
            return MapLayer(name: g.label, role: g.role, collection: FeatureCollection(features: g.features), style: style,
                            legendLabel: g.label)
        }
    }

    static let splitLabel = "Ukraine split at the Dnipro"

    /// The legend text of a feature of `role`: the role's label, made specific for the tags Perimeter writes.
    static func legendLabel(_ role: MapLayerRole, _ f: Feature) -> String {
        switch f.properties["role"]?.stringValue {
        case "ukraine_split_part": return splitLabel
        case "site_line": return "Site line"
        case "forward_line": return "Forward line"
        case "frontier": return "Frontier"
        case "engagement": return "Engagement window"
        default: break
        }
        if role == .regions { return "Protected region" }
        return role.label
    }

    func run() throws {
        let inputs = try readInputs()
        switch (output as NSString).pathExtension.lowercased() {
        case "html", "htm": try writePage(inputs)
        case "svg": try writeSVG(inputs)
        default: try writeLayers(inputs.map { (Self.layerName($0.path), $0.collection) }, to: output)
        }
    }

    /// Every layer file, read in the order given.
    private func readInputs() throws -> [(path: String, collection: FeatureCollection)] {
        try layers.map { ($0, try GeoJSONReader.read(contentsOf: $0)) }
    }

    /// One page layer per file (the page lets each be switched on and off), drawn by the file's role.
    private func writePage(_ inputs: [(path: String, collection: FeatureCollection)]) throws {
        let pageLayers = inputs.map {
            MapLayer(name: Self.layerName($0.path), role: Self.role(for: $0.path, collection: $0.collection), collection: $0.collection)
        }
        let name = inputs.map { Self.layerName($0.path) }.joined(separator: ", ")
        try HTMLMapOptions.writeLayers(pageLayers, title: title.isEmpty ? name : title, geodata: geodata, to: output)
    }

    /// The SVG map over the basemap (unless --no-basemap), and its PNG with --png.
    private func writeSVG(_ inputs: [(path: String, collection: FeatureCollection)]) throws {
        var mapLayers: [MapLayer] = []
        if !noBasemap { mapLayers += loadBasemap() }
        mapLayers += Self.mapLayers(inputs, note: warn)
        let box = try bbox.map { try Self.parseBBox($0) }
        let chosen = SharedFlags.mapCRS(crs, layers: mapLayers, bbox: box) { if !quiet { warn($0) } }
        let options = MapRenderer.Options(crs: chosen, bbox: box, widthPx: width,
                                          title: title, attribution: attribution)
        try MapRenderer(options: options).write(mapLayers, to: output)
        var written = output
        if png {
            let pngPath = (output as NSString).deletingPathExtension + ".png"
            try SVGRasterizer.png(svgPath: output, pngPath: pngPath, width: pngWidth)
            written += " and " + pngPath
        }
        if !quiet { warn("map written to \(written)") }
    }

    /// The GeoData basemap layers (``GeoDataMapLayers/basemap(geodata:)``), or none with a warning on stderr.
    private func loadBasemap() -> [MapLayer] {
        do {
            let dir = try GeoDataLocator.directory(explicit: geodata)
            let file = GeoDataLocator.file("countries.geojson", in: dir)
            guard FileManager.default.fileExists(atPath: file) else {
                warn("warning: no basemap: \(file) does not exist")
                return []
            }
            return try GeoDataMapLayers.basemap(geodata: dir)
        } catch {
            warn("warning: no basemap: \(error)")
            return []
        }
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
