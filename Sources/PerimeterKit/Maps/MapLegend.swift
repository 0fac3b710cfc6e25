/// The legend: one row per non-basemap layer and legend text (swatch + label), in a white box in a panel right
/// of the map frame.
enum MapLegend {
    static let rowHeight = 20.0

    /// One row per legend text: layers of the same role and text (two coverage files, say) share a row.
    static func rows(_ layers: [MapLayer]) -> [MapLayer] {
        var seen: Set<String> = []
        return layers.filter { layer in
            guard layer.role != .basemap, layer.inLegend else { return false }
            return seen.insert(layer.role.rawValue + "\u{0}" + (layer.legendLabel ?? layer.role.label)).inserted
        }
    }

    /// The legend's box in SVG pixels, `nil` without rows: a panel right of the map frame (top aligned), so
    /// the legend never hides data; the renderer widens the canvas for it.
    static func frame(_ layers: [MapLayer], view: MapView) -> MapLabelPlacer.Box? {
        let rows = rows(layers)
        guard !rows.isEmpty else { return nil }
        let labels = rows.map { $0.legendLabel ?? $0.role.label }
        let w = 44 + 7.2 * Double(labels.map(\.count).max() ?? 0)
        let h = 10 + rowHeight * Double(rows.count)
        return MapLabelPlacer.Box(x: view.left + view.width + 10, y: view.top + 10, width: w, height: h)
    }

    static func svg(_ layers: [MapLayer], view: MapView) throws(MapError) -> String {
        let rows = rows(layers)
        guard let frame = frame(layers, view: view) else { return "<g id=\"legend\"></g>\n" }
        let n = SVGText.number
        let labels = rows.map { $0.legendLabel ?? $0.role.label }
        let boxWidth = frame.width, boxHeight = frame.height
        let x0 = frame.x, y0 = frame.y
        var s = "<g id=\"legend\" font-size=\"12\" fill=\"#222\">"
        s += "<rect x=\"\(try n(x0))\" y=\"\(try n(y0))\" width=\"\(try n(boxWidth))\" height=\"\(try n(boxHeight))\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"#999\" stroke-width=\"0.5\"/>"
        for (i, layer) in rows.enumerated() {
            let y = y0 + 5 + rowHeight * Double(i) + rowHeight / 2
            let st = layer.style
            switch layer.role {
            case .marks where layer.name == "time_ticks":  // plain dots, not the entry/exit pair
                s += "<circle cx=\"\(try n(x0 + 20))\" cy=\"\(try n(y))\" r=\"\(try n(st.pointRadius))\" fill=\"\(st.pointFill)\" stroke=\"\(st.stroke ?? "none")\"/>"
            case _ where layer.name == "direction":  // an arrowhead
                s += "<path d=\"M\(try n(x0 + 12)) \(try n(y - 5)) L\(try n(x0 + 26)) \(try n(y)) L\(try n(x0 + 12)) \(try n(y + 5)) Z\" fill=\"\(st.fill ?? "#333")\"/>"
            case .marks:
                s += "<circle cx=\"\(try n(x0 + 14))\" cy=\"\(try n(y))\" r=\"\(try n(st.pointRadius))\" fill=\"\(MapRenderer.entryColor)\" stroke=\"\(st.stroke ?? "none")\"/>"
                s += "<circle cx=\"\(try n(x0 + 26))\" cy=\"\(try n(y))\" r=\"\(try n(st.pointRadius))\" fill=\"\(MapRenderer.exitColor)\" stroke=\"\(st.stroke ?? "none")\"/>"
            case .sites, .places:
                s += "<circle cx=\"\(try n(x0 + 20))\" cy=\"\(try n(y))\" r=\"\(try n(st.pointRadius))\" fill=\"\(st.pointFill)\" stroke=\"\(st.stroke ?? "none")\"/>"
            case .coverage, .gaps, .airspace, .regions:
                s += "<rect x=\"\(try n(x0 + 10))\" y=\"\(try n(y - 6))\" width=\"20\" height=\"12\" fill=\"\(st.fill ?? "none")\" fill-opacity=\"\(SVGText.opacity(st.fillOpacity))\" stroke=\"\(st.stroke ?? "none")\" stroke-width=\"\(try n(min(st.strokeWidth, 2)))\"\(st.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            default:
                s += "<line x1=\"\(try n(x0 + 8))\" y1=\"\(try n(y))\" x2=\"\(try n(x0 + 32))\" y2=\"\(try n(y))\" stroke=\"\(st.stroke ?? "#333")\" stroke-width=\"\(try n(st.strokeWidth))\"\(st.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            }
            s += "<text x=\"\(try n(x0 + 40))\" y=\"\(try n(y + 4))\">\(SVGText.escaped(labels[i]))</text>"
        }
        return s + "</g>\n"
    }
}
