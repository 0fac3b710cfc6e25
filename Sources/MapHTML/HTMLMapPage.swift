import Foundation
import GeoJSON
import PerimeterKit
import FileIO

/// An interactive map page: one self-contained HTML file (Leaflet and the data inlined, no request of any
/// kind) with the GeoData basemap, every result layer toggleable and styled by role, a legend, a scale bar,
/// popups with each feature's figures, and, when given, a figures table with a target-altitude switch and a
/// time slider that replays the tracks.
public struct HTMLMapPage: Sendable {
    public var title: String
    public var subtitle: String
    /// Lines shown under the title (method, caveats, display simplification).
    public var notes: [String]
    public var layers: [PageLayer]
    public var basemap: PageBasemap?
    /// Labels of the target altitudes (`100 m`); the switch appears with more than none.
    public var altitudes: [String]
    public var table: PageTable?
    public var timeline: PageTimeline?
    /// Data attribution shown on the map.
    public var attribution: String

    public init(title: String, subtitle: String = "", notes: [String] = [], layers: [PageLayer], basemap: PageBasemap? = nil,
                altitudes: [String] = [], table: PageTable? = nil, timeline: PageTimeline? = nil,
                attribution: String = MapRenderer.Options.geoDataAttribution) {
        self.title = title
        self.subtitle = subtitle
        self.notes = notes
        self.layers = layers
        self.basemap = basemap
        self.altitudes = altitudes
        self.table = table
        self.timeline = timeline
        self.attribution = attribution
    }

    /// The page's data block as JSON text (safe inside `<script>`): results with 6 decimals, basemap with 5.
    public func dataJSON() -> String {
        var head = JSONObject()
        head["title"] = .string(title)
        head["subtitle"] = .string(subtitle)
        head["notes"] = .array(notes.map { .string($0) })
        head["attribution"] = .string(attribution)
        head["library"] = .string("Leaflet, inlined from Debian's \(LeafletAssets.package) (\(LeafletAssets.licence), © Vladimir Agafonkin, CloudMade)")
        head["altitudes"] = .array(altitudes.map { .string($0) })
        head["table"] = table?.json ?? .null
        var text = PageJSON.encode(.object(head))
        text.removeLast()
        text += ",\"layers\":" + PageJSON.encode(.array(layers.map(\.json)), decimals: 6)
        text += ",\"basemap\":" + (basemap.map { PageJSON.encode($0.json, decimals: 5) } ?? "null")
        text += ",\"tracks\":" + (timeline.map { PageJSON.encode($0.json, decimals: 6) } ?? "null")
        return text + "}"
    }

    /// The whole HTML document.
    public func html(leaflet: LeafletAssets) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Nothing may be fetched: scripts and styles are inline, images are data: URLs.
        s += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
        s += "<meta name=\"generator\" content=\"perimeter \(perimeterVersion)\">\n"
        s += "<title>\(Self.escaped(title))</title>\n"
        s += "<!-- Leaflet (\(LeafletAssets.licence)), © Vladimir Agafonkin, CloudMade; inlined from Debian's \(LeafletAssets.package). -->\n"
        s += "<style>\n\(leaflet.stylesheet)\n</style>\n<style>\n\(PageStyle.css)\n</style>\n</head>\n<body>\n"
        s += "<div id=\"app\"><aside id=\"panel\"><h1>\(Self.escaped(title))</h1></aside><div id=\"map\"></div></div>\n"
        s += "<noscript>This map needs JavaScript.</noscript>\n"
        s += "<script>\n\(leaflet.script)\n</script>\n"
        s += "<script type=\"application/json\" id=\"perimeter-data\">\(dataJSON())</script>\n"
        s += "<script>\n\(PageScript.source)\n</script>\n</body>\n</html>\n"
        return s
    }

    /// Writes the page to `path` atomically (a failure leaves no file and an existing one untouched).
    /// - Throws: ``HTMLMapError`` in one line (Leaflet missing, or the file cannot be written).
    public func write(to path: String, leaflet: LeafletAssets? = nil) throws {
        let assets = try leaflet ?? LeafletAssets.load()
        let data = Data(html(leaflet: assets).utf8)
        do { try AtomicFileWriter.write(data, to: path) } catch { throw HTMLMapError(error.description) }
    }

    /// Text escaped for HTML element content and attributes.
    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
