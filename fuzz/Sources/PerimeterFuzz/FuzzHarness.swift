import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit
#if canImport(Glibc)
import Glibc
#endif

/// One fuzzed entry point of Perimeter. Each harness feeds arbitrary bytes to a reader and accepts any
/// thrown error (a clean refusal is the expected answer to garbage); a crash, a sanitizer report, a hang
/// or a `fatalError` from a consistency check is a finding.
enum FuzzHarness: String, CaseIterable, Sendable {
    /// GeoJSON / JSON reader, then the writer on what was read.
    case geojson
    /// CSV track reader (through a file, as the CLI reads it).
    case csv
    /// GPX track reader.
    case gpx
    /// Fix-time parser (ISO 8601 and epoch numbers), and the decimal parser under it compared bit for bit
    /// with `strtod`.
    case time
    /// WKB (input starting with a byte-order byte 0 or 1) or else WKT reading through GEOS, then WKT/WKB
    /// writing, validity and measures of the result.
    case geometry

    func run(_ bytes: [UInt8]) {
        switch self {
        case .geojson: FuzzTargets.geojson(bytes)
        case .csv: FuzzTargets.trackFile(bytes, format: .csv)
        case .gpx: FuzzTargets.trackFile(bytes, format: .gpx)
        case .time:
            FuzzTargets.time(bytes)
            FuzzTargets.decimal(bytes)
        case .geometry:
            if let first = bytes.first, first <= 1 { FuzzTargets.wkb(bytes) } else { FuzzTargets.wkt(bytes) }
        }
    }
}
