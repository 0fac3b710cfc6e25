import Foundation

/// Leaflet, read at generation time from Debian's `libjs-leaflet` (`/usr/share/javascript/leaflet/`) and
/// inlined into every page, so a page needs no network. Leaflet is © Vladimir Agafonkin and CloudMade,
/// BSD-2-Clause. The stylesheet's images (layer-control icon) become `data:` URLs, so the page makes no
/// request for them either.
public struct LeafletAssets: Sendable {
    /// Where Debian installs Leaflet.
    public static let debianDirectory = "/usr/share/javascript/leaflet"
    /// Environment variable that points to another Leaflet directory (same layout); for tests and other systems.
    public static let environmentVariable = "PERIMETER_LEAFLET_DIR"
    public static let licence = "BSD-2-Clause"
    public static let package = "libjs-leaflet"

    /// The library's JavaScript and CSS, images inlined.
    public var script: String
    public var stylesheet: String
    /// The directory they were read from.
    public var directory: String

    /// The directory to read: `PERIMETER_LEAFLET_DIR` when set, else Debian's.
    public static func directoryInUse() -> String {
        if let d = ProcessInfo.processInfo.environment[environmentVariable], !d.isEmpty { return d }
        return debianDirectory
    }

    /// Reads Leaflet (the minified build when present).
    /// - Throws: ``HTMLMapError`` in one line naming the missing file and the Debian package to install.
    public static func load(directory: String = directoryInUse()) throws -> LeafletAssets {
        let fm = FileManager.default
        let candidates = ["leaflet.min.js", "leaflet.js"].map { (directory as NSString).appendingPathComponent($0) }
        guard let jsPath = candidates.first(where: { fm.isReadableFile(atPath: $0) }) else {
            throw HTMLMapError("Leaflet not found: \(candidates.last!) is missing (apt-get install \(package))")
        }
        let cssPath = (directory as NSString).appendingPathComponent("leaflet.css")
        guard fm.isReadableFile(atPath: cssPath) else {
            throw HTMLMapError("Leaflet not found: \(cssPath) is missing (apt-get install \(package))")
        }
        guard let js = try? String(contentsOfFile: jsPath, encoding: .utf8), js.contains("leaflet") || js.contains("L=") else {
            throw HTMLMapError("\(jsPath): cannot read Leaflet's script")
        }
        guard var css = try? String(contentsOfFile: cssPath, encoding: .utf8) else {
            throw HTMLMapError("\(cssPath): cannot read Leaflet's stylesheet")
        }
        css = inlineImages(css, directory: directory)
        // A script element ends at "</script"; Leaflet has none, but never let one through.
        let safeJS = js.replacingOccurrences(of: "</script", with: "<\\/script", options: .caseInsensitive)
        return LeafletAssets(script: safeJS, stylesheet: css, directory: directory)
    }

    /// `url(images/x.png)` → `url(data:image/png;base64,…)`; an image that is missing is dropped (`none`),
    /// so the page never asks for a file beside it.
    static func inlineImages(_ css: String, directory: String) -> String {
        var out = ""
        var rest = Substring(css)
        while let start = rest.range(of: "url(") {
            out += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: ")") else { rest = rest[start.lowerBound...]; break }
            var target = String(rest[start.upperBound..<end]).trimmingCharacters(in: .whitespaces)
            target = target.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if target.hasPrefix("#") || target.hasPrefix("data:") {
                out += "url(\(target))"
            } else if target.lowercased().hasSuffix(".png"),
                      let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(target)) {
                out += "url(data:image/png;base64,\(data.base64EncodedString()))"
            } else {
                out += "none"
            }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
