import Foundation
import GeoJSON
import GeometryCore
import FileIO

/// Renders map layers to SVG: projected through PROJ (default ETRS89-LAEA Europe, EPSG:3035), north up.
///
/// Layers are drawn by role (``drawingOrder(_:)``): basemap, regions, airspace, coverage, frontier, lines, gaps,
/// tracks, inside parts, sites, marks, places; layers of one role in the order given. The SVG has a
/// `<g id="…">` group per layer (the role's name: `basemap`, `regions`, `airspace`, `coverage`, `frontier`, `lines`, `gaps`, `tracks`,
/// `inside`, `sites`, `marks`, `places`; a second layer of a role gets `-2`, …; `data-layer` holds the layer name), plus
/// `graticule`, `labels` (main countries), `legend`, `scalebar`, `title` and `attribution`. Map content is clipped
/// to the frame (`clipPath`). Polygons are paths with `fill-rule="evenodd"` (holes stay open); points are circles
/// carrying `data-name` (the `name` property) and, for marks, `data-kind` (`kind`/`event` property). Labels of
/// sites, places and countries are placed so they overlap neither each other nor the legend and scale bar
/// (a label that finds no free place is left out); they keep off the drawn tracks where they can (time-tick labels
/// always do, or are left out). The legend stands in a panel right of the map frame, widening the canvas.
/// A ring cut at ±180° (RFC 7946) is filled whole but its cut edges are not stroked: a fill path with
/// `stroke="none"` followed by a `class="outline"` path of the rest of the outline.
/// Coordinates are pixels rounded to 0.1; positions PROJ cannot project are skipped, and a non-finite number
/// is never written (rendering throws instead). The output is deterministic.
///
/// The extent is ``Options/bbox`` (lon/lat degrees) when given, else the non-basemap data plus a margin.
/// Not thread-bound itself (a value type): each `render` call makes its own PROJ context.
public struct MapRenderer: Sendable {
    public struct Options: Sendable, Hashable {
        /// The map CRS (EPSG code, PROJ string or WKT); projected CRSs in metres give a true-to-scale map.
        public var crs: String
        /// Explicit extent, lon/lat degrees; `nil` fits the data.
        public var bbox: BoundingBox?
        /// SVG width, px (the height follows the extent's shape, between 0.5 and 1.6 times the width).
        public var widthPx: Double
        /// Margin around the data on each side, as a fraction of its larger dimension (at least 20 km).
        public var marginFraction: Double
        /// Title above the map (no title band when empty).
        public var title: String
        /// Data attribution, written small in the bottom-right corner, e.g. "Borders: DCW-GMT; coasts: GSHHG (LGPL-3+)".
        public var attribution: String
        public var graticule: Bool

        /// The attribution of the GeoData basemap (countries, borders, coasts).
        public static let geoDataAttribution = "Borders: DCW-GMT 2.1.1; coasts: GSHHG 2.3.7 (LGPL-3+)"

        public init(crs: String = "EPSG:3035", bbox: BoundingBox? = nil, widthPx: Double = 1000, marginFraction: Double = 0.08,
                    title: String = "", attribution: String = "", graticule: Bool = true) {
            self.crs = crs
            self.bbox = bbox
            self.widthPx = widthPx
            self.marginFraction = marginFraction
            self.title = title
            self.attribution = attribution
            self.graticule = graticule
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The SVG document.
    /// - Throws: ``MapError`` (nothing to map, bad bbox or width, a non-finite number) or `ProjError` (bad CRS).
    public func render(_ layers: [MapLayer]) throws -> String {
        let layers = Self.drawingOrder(layers)
        guard options.widthPx.isFinite, options.widthPx >= 100, options.widthPx <= 20_000 else {
            throw MapError("map width \(options.widthPx) px must be between 100 and 20000")
        }
        let context = ProjContext()
        let transformer = try context.transformer(from: "EPSG:4326", to: options.crs)
        let box = try MapExtent.extent(layers: layers, bbox: options.bbox, transformer: transformer,
                                       marginFraction: options.marginFraction, aspectRange: 0.5...1.6)
        let titleBand = options.title.isEmpty ? 0.0 : 40.0
        let view = MapView(transformer: transformer, minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY,
                           widthPx: options.widthPx, top: titleBand)
        let n = SVGText.number
        // The legend stands in a panel right of the map frame, so it never hides data.
        let legend = MapLegend.frame(layers, view: view)
        let canvasWidth = view.width + (legend.map { $0.width + 20 } ?? 0)
        let canvasHeight = max(view.height, (legend.map { $0.height + 20 } ?? 0)) + titleBand
        let width = try n(view.width), totalWidth = try n(canvasWidth), height = try n(canvasHeight)
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(totalWidth)" height="\(height)" viewBox="0 0 \(totalWidth) \(height)" font-family="DejaVu Sans, Arial, sans-serif" data-crs="\(SVGText.escaped(options.crs))">

            """
        svg += "<defs><clipPath id=\"map-clip\"><rect x=\"0\" y=\"\(try n(view.top))\" width=\"\(width)\" height=\"\(try n(view.height))\"/></clipPath></defs>\n"
        svg += "<rect id=\"background\" x=\"0\" y=\"0\" width=\"\(totalWidth)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        svg += "<rect id=\"sea\" x=\"0\" y=\"\(try n(view.top))\" width=\"\(width)\" height=\"\(try n(view.height))\" fill=\"\(MapStyle.seaFill)\"/>\n"
        svg += "<g id=\"map\" clip-path=\"url(#map-clip)\">\n"
        let basemaps = layers.filter { $0.role == .basemap }
        let others = layers.filter { $0.role != .basemap }
        var used: [String: Int] = [:]
        func groupID(_ role: MapLayerRole) -> String {
            used[role.groupID, default: 0] += 1
            let k = used[role.groupID]!
            return k == 1 ? role.groupID : "\(role.groupID)-\(k)"
        }
        let placer = labelPlacer(layers, view: view)
        let countryLabels = try CountryLabels.svg(basemaps, view: view, placer: placer, avoid: legend.map { [$0] } ?? [])
        for layer in others where layer.role == .places || layer.role == .sites { reservePoints(layer, view: view, placer: placer) }
        for layer in basemaps { svg += try group(layer, id: groupID(layer.role), view: view, placer: placer) }
        if options.graticule { svg += try MapGraticule.svg(view: view) }
        for layer in others { svg += try group(layer, id: groupID(layer.role), view: view, placer: placer) }
        svg += countryLabels
        svg += "</g>\n"
        svg += "<rect id=\"frame\" x=\"0\" y=\"\(try n(view.top))\" width=\"\(width)\" height=\"\(try n(view.height))\" fill=\"none\" stroke=\"#555\" stroke-width=\"1\"/>\n"
        svg += try MapLegend.svg(layers, view: view)
        svg += try MapScaleBar.svg(view: view)
        svg += "<g id=\"title\">"
        if !options.title.isEmpty {
            svg += "<text x=\"\(try n(canvasWidth / 2))\" y=\"27\" font-size=\"20\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#222\">\(SVGText.escaped(options.title))</text>"
        }
        svg += "</g>\n"
        svg += "<g id=\"attribution\">"
        if !options.attribution.isEmpty {
            let x = try n(view.width - 6), y = try n(view.top + view.height - 6)
            svg += "<text x=\"\(x)\" y=\"\(y)\" font-size=\"10\" text-anchor=\"end\" fill=\"#444\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(SVGText.escaped(options.attribution))</text>"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// `layers` sorted by ``MapLayerRole/drawingRank`` (stable: layers of one role keep their order), so regions
    /// lie under coverage, coverage under lines and lines under points whatever order the caller gives.
    public static func drawingOrder(_ layers: [MapLayer]) -> [MapLayer] {
        layers.enumerated().sorted { a, b in
            a.element.role.drawingRank != b.element.role.drawingRank
                ? a.element.role.drawingRank < b.element.role.drawingRank : a.offset < b.offset
        }.map(\.element)
    }

    /// Renders and writes the SVG to `path` atomically.
    public func write(_ layers: [MapLayer], to path: String) throws {
        let svg = try render(layers)
        try AtomicFileWriter.write(Data(svg.utf8), to: path)
    }

    /// Fill of entry and exit marks.
    static let entryColor = "#1a9641", exitColor = "#7b3294"

    // MARK: - Labels

    /// A label placer with the legend, the scale bar and the attribution already taken.
    private func labelPlacer(_ layers: [MapLayer], view: MapView) -> MapLabelPlacer {
        let placer = MapLabelPlacer(frame: .init(x: view.left, y: view.top, width: view.width, height: view.height))
        if let legend = MapLegend.frame(layers, view: view) { placer.reserve(legend) }
        placer.reserve(.init(x: view.left, y: view.top + view.height - 54, width: view.width / 5 + 36, height: 54))
        if !options.attribution.isEmpty {
            let w = MapLabelPlacer.textWidth(options.attribution, fontSize: 10)
            placer.reserve(.init(x: view.left + view.width - 8 - w, y: view.top + view.height - 20, width: w + 8, height: 20))
        }
        return placer
    }

    /// Marks the pixels of a drawn track line so labels keep off it when they can.
    private func blockLines(_ g: GeoJSONGeometry, view: MapView, placer: MapLabelPlacer) {
        let lines: [[Position]]
        switch g {
        case .lineString(let ps): lines = [ps]
        case .multiLineString(let ls): lines = ls
        default: return
        }
        for line in lines {
            let px = line.compactMap { view.pixel($0.coordinate) }
            // A jump across the map (a line cut at ±180°) is not a drawn stroke.
            var run: [(x: Double, y: Double)] = []
            for p in px {
                if let last = run.last, abs(p.x - last.x) > view.width / 2 { placer.blockLine(run); run = [] }
                run.append(p)
            }
            placer.blockLine(run)
        }
    }

    /// Takes the symbols of a point layer so no label covers them.
    private func reservePoints(_ layer: MapLayer, view: MapView, placer: MapLabelPlacer) {
        let r = layer.style.pointRadius + 1
        for f in layer.collection.features {
            for p in f.geometry?.allPositions ?? [] {
                guard let px = view.pixel(p.coordinate), view.contains(x: px.x, y: px.y) else { continue }
                placer.reserve(.init(x: px.x - r, y: px.y - r, width: 2 * r, height: 2 * r))
            }
        }
    }

    // MARK: - Layers

    private func group(_ layer: MapLayer, id: String, view: MapView, placer: MapLabelPlacer) throws(MapError) -> String {
        let st = layer.style
        var attrs = "id=\"\(id)\" data-layer=\"\(SVGText.escaped(layer.name))\" data-role=\"\(layer.role.rawValue)\""
        attrs += " fill=\"\(st.fill ?? "none")\" fill-opacity=\"\(SVGText.opacity(st.fillOpacity))\" fill-rule=\"evenodd\""
        attrs += " stroke=\"\(st.stroke ?? "none")\" stroke-width=\"\(try SVGText.number(st.strokeWidth))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if let dash = st.dash { attrs += " stroke-dasharray=\"\(dash)\"" }
        var s = "<g \(attrs)>\n"
        for feature in layer.collection.features {
            guard let g = feature.geometry else { continue }
            let name = CountryLabels.name(feature.properties)
            let nameAttr = name.map { " data-name=\"\(SVGText.escaped($0))\"" } ?? ""
            var path = SVGPath()
            try path.add(g, view: view)
            if layer.role == .tracks || layer.role == .inside { blockLines(g, view: view, placer: placer) }
            if !path.isEmpty, view.meets(minX: path.minX, minY: path.minY, maxX: path.maxX, maxY: path.maxY, margin: 10) {
                let lineOnly: Bool
                switch g {
                case .lineString, .multiLineString: lineOnly = true
                default: lineOnly = false
                }
                if path.hasCutEdges {
                    // A polygon cut at ±180°: filled whole, but the cut (no border) is not stroked.
                    s += "<path\(nameAttr) stroke=\"none\" d=\"\(path.d)\"/>\n"
                    s += "<path class=\"outline\" fill=\"none\" d=\"\(path.strokeD)\"/>\n"
                } else {
                    s += "<path\(nameAttr)\(lineOnly ? " fill=\"none\"" : "") d=\"\(path.d)\"/>\n"
                }
            }
            s += try points(g, layer: layer, feature: feature, nameAttr: nameAttr, view: view, placer: placer)
        }
        return s + "</g>\n"
    }

    private func points(_ g: GeoJSONGeometry, layer: MapLayer, feature: Feature, nameAttr: String, view: MapView,
                        placer: MapLabelPlacer) throws(MapError) -> String {
        let positions: [Position]
        switch g {
        case .point(let p): positions = [p]
        case .multiPoint(let ps): positions = ps
        case .geometryCollection(let members):
            var s = ""
            for m in members { s += try points(m, layer: layer, feature: feature, nameAttr: nameAttr, view: view, placer: placer) }
            return s
        default: return ""
        }
        let st = layer.style
        let kind = (feature.properties["kind"] ?? feature.properties["event"])?.stringValue
        var fill = st.pointFill
        if layer.role == .marks, let kind {
            fill = kind.lowercased().hasPrefix("exit") ? Self.exitColor : kind.lowercased().hasPrefix("entry") ? Self.entryColor : fill
        }
        let kindAttr = kind.map { " data-kind=\"\(SVGText.escaped($0))\"" } ?? ""
        // A track's own first/last fix inside an airspace is no entry/exit: a small open circle, not the symbol.
        let trackEnd = kind == "track_end" || kind == "track_start"
        let radius = trackEnd ? min(3, st.pointRadius) : st.pointRadius
        if trackEnd { fill = "#ffffff" }
        var s = ""
        for p in positions {
            guard let px = view.pixel(p.coordinate), view.contains(x: px.x, y: px.y) else { continue }
            s += "<circle\(nameAttr)\(kindAttr) cx=\"\(try SVGText.number(px.x))\" cy=\"\(try SVGText.number(px.y))\" r=\"\(try SVGText.number(radius))\" fill=\"\(fill)\" fill-opacity=\"1\" stroke-width=\"1\"/>\n"
            if layer.role == .marks, let label = feature.properties["label"]?.stringValue,
               let at = placer.placeBeside(label, x: px.x, y: px.y, r: radius, fontSize: kind == "tick" ? 9 : 11,
                                           required: kind != "tick") {
                s += "<text class=\"mark-label\" x=\"\(try SVGText.number(at.x))\" y=\"\(try SVGText.number(at.y))\" text-anchor=\"\(at.anchor)\" font-size=\"\(kind == "tick" ? 9 : 11)\" fill=\"#1a1a1a\" fill-opacity=\"1\" stroke=\"#ffffff\" stroke-width=\"2.5\" stroke-opacity=\"0.9\" paint-order=\"stroke\">\(SVGText.escaped(label))</text>\n"
            }
            if layer.role == .sites || layer.role == .places, let name = CountryLabels.name(feature.properties),
               let at = placer.placeBeside(name, x: px.x, y: px.y, r: st.pointRadius, fontSize: 11) {
                let cls = layer.role == .sites ? "site-label" : "place-label"
                s += "<text class=\"\(cls)\" x=\"\(try SVGText.number(at.x))\" y=\"\(try SVGText.number(at.y))\" text-anchor=\"\(at.anchor)\" font-size=\"11\" fill=\"#1a1a1a\" fill-opacity=\"1\" stroke=\"#ffffff\" stroke-width=\"2.5\" stroke-opacity=\"0.9\" paint-order=\"stroke\">\(SVGText.escaped(name))</text>\n"
            }
        }
        return s
    }
}
