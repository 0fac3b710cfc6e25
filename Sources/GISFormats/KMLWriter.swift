import Foundation
import GeoJSON
import FileIO

/// Writes layers of features as a KML 2.2 document (Google Earth, QGIS, GDAL's KML/LIBKML drivers).
///
/// Output: `<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">`, one
/// `Document` holding a `Style` pair per layer (normal and highlighted, see ``KMLStyle``) and a `Folder` per
/// layer with one `Placemark` per feature:
/// - `name` from the `name`/`label`/`title` property (else the feature id, else "<layer> <n>"),
///   `description` from a `description` property, every property in `ExtendedData`;
/// - `TimeSpan` from `entry_time`/`exit_time` (or `start_time`/`end_time`), `TimeStamp` from `time`/`timestamp`
///   (ISO 8601 strings as written, numbers as Unix seconds → ISO 8601 UTC);
/// - geometry as `Point`, `LineString`, `Polygon` (outer/inner boundaries), `MultiGeometry`; a LineString with
///   per-vertex times (``KMLLayer/vertexTimes`` or a `times` property) becomes a `gx:Track` of `<when>` +
///   `<gx:coord>lon lat alt</gx:coord>`;
/// - features with `inside: true` or `kind`/`role` = `inside`/`incursion` use the highlighted style.
/// Coordinates are lon/lat degrees (9 decimals) and altitudes metres (`altitudeMode` absolute when present).
/// Geometries are brought into RFC 7946 form first (longitudes in range, antimeridian cut) unless
/// `normalize` is off. All text is XML-escaped. Files are written atomically (``AtomicFileWriter``).
public struct KMLWriter: Sendable {
    /// The Document's name.
    public var documentName: String
    public var normalize: Bool

    public init(documentName: String = "Perimeter", normalize: Bool = true) {
        self.documentName = documentName
        self.normalize = normalize
    }

    /// The KML document as UTF-8 bytes.
    /// - Throws: ``GISFormatsError`` naming the layer and feature index.
    public func encode(_ layers: [KMLLayer]) throws(GISFormatsError) -> Data {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
            <Document>
            <name>\(XMLText.escaped(documentName))</name>

            """
        for (i, layer) in layers.enumerated() {
            out += styles(layer.style, id: "layer\(i)")
        }
        for (i, layer) in layers.enumerated() {
            out += "<Folder>\n<name>\(XMLText.escaped(layer.name))</name>\n"
            for (j, feature) in layer.collection.features.enumerated() {
                do throws(GISFormatsError) {
                    out += try placemark(feature, index: j, layer: layer, styleID: "layer\(i)")
                } catch {
                    var e = error
                    e.layer = layer.name
                    e.featureIndex = j
                    throw e
                }
            }
            out += "</Folder>\n"
        }
        out += "</Document>\n</kml>\n"
        return Data(out.utf8)
    }

    /// Writes the document to `path` atomically (`-` for standard output).
    public func write(_ layers: [KMLLayer], to path: String) throws(GISFormatsError) {
        let data: Data
        do throws(GISFormatsError) {
            data = try encode(layers)
        } catch {
            throw error.inFile(path)
        }
        do throws(FileWriteError) {
            try AtomicFileWriter.write(data, to: path)
        } catch {
            throw GISFormatsError(file: path, message: "cannot write the file: \(error.reason)")
        }
    }

    // MARK: - Pieces

    private func styles(_ style: KMLStyle, id: String) -> String {
        func one(_ id: String, line: KMLColor, width: Double) -> String {
            var s = "<Style id=\"\(id)\">\n"
            s += "<IconStyle><scale>\(NumberText.fixed(style.iconScale, decimals: 2))</scale><color>\(line.kmlHex)</color></IconStyle>\n"
            s += "<LineStyle><color>\(line.kmlHex)</color><width>\(NumberText.fixed(width, decimals: 2))</width></LineStyle>\n"
            if let fill = style.fillColor {
                s += "<PolyStyle><color>\(fill.kmlHex)</color><fill>1</fill><outline>1</outline></PolyStyle>\n"
            } else {
                s += "<PolyStyle><fill>0</fill><outline>1</outline></PolyStyle>\n"
            }
            return s + "</Style>\n"
        }
        return one(id, line: style.lineColor, width: style.lineWidth)
            + one(id + "-highlight", line: style.highlightColor, width: style.lineWidth * 1.5)
    }

    private static func isHighlighted(_ p: JSONObject) -> Bool {
        if p["inside"]?.boolValue == true { return true }
        for key in ["kind", "role"] {
            if let s = p[key]?.stringValue?.lowercased(), s == "inside" || s == "incursion" { return true }
        }
        return false
    }

    private func placemark(_ feature: Feature, index: Int, layer: KMLLayer, styleID: String) throws(GISFormatsError) -> String {
        let p = feature.properties
        var s = "<Placemark>\n"
        let name = ["name", "label", "title"].lazy.compactMap { p[$0]?.stringValue }.first
            ?? feature.id?.description ?? "\(layer.name) \(index + 1)"
        s += "<name>\(XMLText.escaped(name))</name>\n"
        if let d = p["description"]?.stringValue { s += "<description>\(XMLText.escaped(d))</description>\n" }
        if let begin = (p["entry_time"] ?? p["start_time"]).flatMap(KMLTime.text) {
            let end = (p["exit_time"] ?? p["end_time"]).flatMap(KMLTime.text)
            s += "<TimeSpan><begin>\(XMLText.escaped(begin))</begin>"
            if let end { s += "<end>\(XMLText.escaped(end))</end>" }
            s += "</TimeSpan>\n"
        } else if let at = (p["time"] ?? p["timestamp"]).flatMap(KMLTime.text) {
            s += "<TimeStamp><when>\(XMLText.escaped(at))</when></TimeStamp>\n"
        }
        s += "<styleUrl>#\(styleID)\(Self.isHighlighted(p) ? "-highlight" : "")</styleUrl>\n"
        if !p.isEmpty {
            s += "<ExtendedData>\n"
            for (key, value) in p.members {
                let text: String
                switch value {
                case .null: text = ""
                case .string(let v): text = v
                default:
                    guard let t = try? JSONTextWriter.text(value) else { throw GISFormatsError(message: "property '\(key)' is not finite") }
                    text = t
                }
                s += "<Data name=\"\(XMLText.escaped(key))\"><value>\(XMLText.escaped(text))</value></Data>\n"
            }
            s += "</ExtendedData>\n"
        }
        if var g = feature.geometry {
            if let bad = g.allPositions.first(where: { !$0.lon.isFinite || !$0.lat.isFinite || !($0.altitude?.isFinite ?? true) }) {
                throw GISFormatsError(message: "position \(bad) is not finite")
            }
            if let times = try vertexTimes(feature, index: index, layer: layer) {
                guard case .lineString(let line) = g else {
                    throw GISFormatsError(message: "per-vertex times are given but the geometry is a \(g.typeName), not a LineString")
                }
                guard times.count == line.count else {
                    throw GISFormatsError(message: "\(times.count) times for \(line.count) positions")
                }
                s += track(line, times: times)
            } else {
                if normalize {
                    do throws(GeoJSONError) { g = try RFC7946Normalizer.normalized(g) } catch {
                        throw GISFormatsError(message: error.description)
                    }
                }
                s += geometry(g)
            }
        }
        return s + "</Placemark>\n"
    }

    private func vertexTimes(_ feature: Feature, index: Int, layer: KMLLayer) throws(GISFormatsError) -> [Date]? {
        if let t = layer.vertexTimes[index] { return t }
        guard let array = feature.properties["times"]?.arrayValue else { return nil }
        var dates: [Date] = []
        for (i, v) in array.enumerated() {
            guard let d = KMLTime.date(v) else { throw GISFormatsError(message: "times[\(i)] is not an ISO 8601 time or Unix seconds") }
            dates.append(d)
        }
        return dates
    }

    private func track(_ line: [Position], times: [Date]) -> String {
        let hasAltitude = line.contains { $0.altitude != nil }
        var s = "<gx:Track>\n<altitudeMode>\(hasAltitude ? "absolute" : "clampToGround")</altitudeMode>\n"
        for t in times { s += "<when>\(KMLTime.text(t))</when>\n" }
        for p in line {
            s += "<gx:coord>\(number(p.lon)) \(number(p.lat)) \(NumberText.fixed(p.altitude ?? 0, decimals: 3))</gx:coord>\n"
        }
        return s + "</gx:Track>\n"
    }

    private func number(_ d: Double) -> String { NumberText.fixed(d, decimals: 9) }

    private func coordinates(_ ps: [Position]) -> String {
        ps.map { p in
            var t = "\(number(p.lon)),\(number(p.lat))"
            if let a = p.altitude { t += ",\(NumberText.fixed(a, decimals: 3))" }
            return t
        }.joined(separator: " ")
    }

    private func altitudeMode(_ ps: [Position]) -> String {
        ps.contains { $0.altitude != nil } ? "<altitudeMode>absolute</altitudeMode>" : ""
    }

    private func geometry(_ g: GeoJSONGeometry) -> String {
        switch g {
        case .point(let p):
            return "<Point>\(altitudeMode([p]))<coordinates>\(coordinates([p]))</coordinates></Point>\n"
        case .lineString(let ps):
            return "<LineString><tessellate>1</tessellate>\(altitudeMode(ps))<coordinates>\(coordinates(ps))</coordinates></LineString>\n"
        case .polygon(let rings):
            guard let outer = rings.first else { return "" }
            var s = "<Polygon>\(altitudeMode(rings.flatMap { $0 }))<outerBoundaryIs><LinearRing><coordinates>\(coordinates(outer))</coordinates></LinearRing></outerBoundaryIs>"
            for hole in rings.dropFirst() {
                s += "<innerBoundaryIs><LinearRing><coordinates>\(coordinates(hole))</coordinates></LinearRing></innerBoundaryIs>"
            }
            return s + "</Polygon>\n"
        case .multiPoint(let ps):
            return multi(ps.map { .point($0) })
        case .multiLineString(let lines):
            return multi(lines.map { .lineString($0) })
        case .multiPolygon(let polys):
            return multi(polys.map { .polygon($0) })
        case .geometryCollection(let members):
            return multi(members)
        }
    }

    private func multi(_ members: [GeoJSONGeometry]) -> String {
        "<MultiGeometry>\n" + members.map(geometry).joined() + "</MultiGeometry>\n"
    }
}
