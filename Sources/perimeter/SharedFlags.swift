import ArgumentParser
import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit

/// The flags several commands share, with one name, one default and one meaning everywhere
/// (`--threads`, `--tolerance-m`, `--quiet`, `--geodata`, `--map-crs`, `--map-bbox`, `--map-title`):
/// each command declares its own `@Option` with these help texts and defaults.
enum SharedFlags {
    /// `--tolerance-m`: the chord-to-arc error of every geodesic coverage circle, metres.
    static let defaultToleranceM = 10.0
    static let toleranceHelp = ArgumentHelp(
        "Chord-to-arc error of the geodesic coverage circles, m (10 m: areas within 0.01% at 100 km).",
        valueName: "m")

    /// `--threads`: how many threads work at once, the one reading the input included (so `incursions`
    /// analyses on n − 1 threads, at least one, while one reads). Default: every core.
    static let threadsHelp = ArgumentHelp("Threads working at once, the input reader included (default: all cores).",
                                          valueName: "n")

    /// The thread count for `--threads` (nil: every active core).
    static func threads(_ flag: Int?) -> Int { flag ?? ProcessInfo.processInfo.activeProcessorCount }

    static let quietHelp = ArgumentHelp("No progress on stderr.")

    static let geodataHelp = ArgumentHelp(
        "GeoData directory (default: $PERIMETER_GEODATA, else the GeoData found beside the executable).",
        valueName: "dir")

    /// `--map-crs` help. Without the flag the CRS is chosen for the data (``mapCRS(_:layers:bbox:note:)``).
    static let mapCRSHelp = ArgumentHelp(
        "Map CRS: EPSG code, PROJ string or WKT (default: EPSG:3035, LAEA Europe, for data in Europe, else LAEA centred on the data).",
        valueName: "crs")

    /// The map CRS: `explicit` when given, else ``MapCRSChoice/crs(for:bbox:)``, stated on stderr (through
    /// `note`) when it is not EPSG:3035.
    static func mapCRS(_ explicit: String?, layers: [MapLayer], bbox: BoundingBox?, note: (String) -> Void) -> String {
        if let explicit { return explicit }
        let crs = MapCRSChoice.crs(for: layers, bbox: bbox)
        if crs != MapCRSChoice.europe { note("map CRS: \(crs) (the data lie outside EPSG:3035's area; --map-crs to change)") }
        return crs
    }
    static let mapBBoxHelp = ArgumentHelp("Map extent in degrees (default: fit the data).", valueName: "w,s,e,n")

    /// "1 track", "2 tracks": `count` followed by the noun in the right number.
    static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        Plural.counted(count, singular, plural)
    }

    /// Checks a number flag: finite and within the range, else a one-line error naming the flag, the value
    /// and what is wanted (`--range-km must be a positive number of km, got -5`).
    static func check(_ value: Double, _ flag: String, positive: Bool = true, unit: String) throws {
        guard value.isFinite, positive ? value > 0 : value >= 0 else {
            throw FlagError("\(flag) must be \(positive ? "a positive number" : "a number ≥ 0") of \(unit), got \(FlagNumber.plain(value))")
        }
    }
}

/// Plain decimal text of a flag value (`-5`, `0.5`, `inf`).
enum FlagNumber {
    static func plain(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
