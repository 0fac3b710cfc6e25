import Foundation
import GeoJSON
import GeometryCore
import PerimeterKit
#if canImport(Glibc)
import Glibc
#endif

/// The bodies of the harnesses (``FuzzHarness``).
enum FuzzTargets {
    static func geojson(_ bytes: [UInt8]) {
        guard let collection = try? GeoJSONReader.read(Data(bytes), source: "fuzz") else { return }
        _ = try? GeoJSONWriter().encode(collection)
    }

    /// Track readers take a path (they stream the file), so the input goes to a scratch file first.
    static func trackFile(_ bytes: [UInt8], format: TrackFileFormat) {
        let path = scratchPath(format == .csv ? "csv" : "gpx")
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        // The first byte picks the reading options, so both the strict and the lenient paths are explored.
        let flags = bytes.first ?? 0
        let options = TrackReadOptions(sortByTime: flags & 1 != 0, skipInvalid: flags & 2 != 0)
        do {
            var source: any TrackSource = format == .csv
                ? try CSVTrackReader(path: path, options: options)
                : GPXTrackReader(path: path, options: options)
            var tracks = 0
            while let track = try source.nextTrack() {
                tracks += 1
                if tracks > 100_000 { break }
                _ = track
            }
        } catch {}
    }

    static func time(_ bytes: [UInt8]) {
        _ = TrackTimeParser.epochSeconds(String(decoding: bytes, as: UTF8.self))
    }

    static func wkt(_ bytes: [UInt8]) {
        let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        guard let geometry = try? Geometry(wkt: text) else { return }
        exercise(geometry)
    }

    static func wkb(_ bytes: [UInt8]) {
        guard let geometry = try? Geometry(wkb: bytes) else { return }
        exercise(geometry)
    }

    /// What a reader's caller does next with a parsed geometry: write it back, check it, measure it.
    private static func exercise(_ geometry: Geometry) {
        _ = geometry.wkt
        _ = try? geometry.wkb
        _ = try? geometry.isValid
        _ = try? geometry.area
        _ = try? geometry.bounds
    }

    /// `DecimalParser` must agree with `strtod` bit for bit whenever `strtod` takes the whole field.
    static func decimal(_ bytes: [UInt8]) {
        let field = bytes.prefix(200)
        let ours = field.withUnsafeBufferPointer { DecimalParser.parse($0) }
        var text = field.map { CChar(bitPattern: $0) }
        text.append(0)
        let reference: Double? = text.withUnsafeMutableBufferPointer { buffer in
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(buffer.baseAddress!, &end)
            guard field.allSatisfy({ $0 != 0 }), let end, end - buffer.baseAddress! == field.count, !field.isEmpty else { return nil }
            return value
        }
        guard ours?.bitPattern != reference?.bitPattern || (ours == nil) != (reference == nil) else { return }
        if let ours, let reference, ours.isNaN, reference.isNaN { return }
        fatalError("DecimalParser \(String(describing: ours)) ≠ strtod \(String(describing: reference)) for '\(String(decoding: field, as: UTF8.self))'")
    }

    private static func scratchPath(_ ext: String) -> String {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(folder)/perimeter-fuzz-\(getpid()).\(ext)"
    }
}
