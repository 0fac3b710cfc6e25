import Foundation

/// Finds the `GeoData/` directory that ships with Perimeter.
///
/// Order: an explicit directory (the `--geodata` flag), the `PERIMETER_GEODATA` environment
/// variable, then a `GeoData` (or installed `share/perimeter/GeoData`) folder beside or above the
/// running executable (a build in `.build/release/` finds the repository's, an installed
/// `PREFIX/bin/perimeter` finds `PREFIX/share/perimeter/GeoData`), then one above the current directory.
public enum GeoDataLocator {
    /// The file every GeoData directory holds; used to recognise one.
    public static let markerFile = "profiles.json"
    /// Where `make install` puts GeoData, relative to the install prefix.
    public static let installedPath = "share/perimeter/GeoData"

    public static func directory(explicit: String? = nil) throws -> String {
        let fm = FileManager.default
        func isGeoData(_ dir: String) -> Bool {
            fm.fileExists(atPath: (dir as NSString).appendingPathComponent(markerFile))
        }
        if let explicit {
            guard isGeoData(explicit) else {
                throw DomainError.invalidInput(source: explicit, message: "not a GeoData directory (no \(markerFile))")
            }
            return explicit
        }
        if let env = ProcessInfo.processInfo.environment["PERIMETER_GEODATA"], !env.isEmpty {
            guard isGeoData(env) else {
                throw DomainError.invalidInput(
                    source: "PERIMETER_GEODATA=\(env)", message: "not a GeoData directory (no \(markerFile))")
            }
            return env
        }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath() { starts.append(exe.deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("GeoData").path
                if isGeoData(candidate) { return candidate }
                // An installed copy (`make install PREFIX=…`): PREFIX/bin/perimeter reads PREFIX/share/perimeter/GeoData.
                let installed = dir.appendingPathComponent(installedPath).path
                if isGeoData(installed) { return installed }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw DomainError.invalidInput(
            source: "GeoData", message: "cannot find the GeoData directory: pass --geodata DIR or set PERIMETER_GEODATA")
    }

    /// The path of `name` inside the GeoData directory.
    public static func file(_ name: String, in directory: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
