import Foundation

/// The format of a track file: chosen by extension (`.csv`, `.gpx`, `.geojson`/`.json`) unless given.
public enum TrackFileFormat: String, Sendable, CaseIterable {
    case csv, gpx, geojson
    /// readsb / tar1090 trace JSON (one aircraft per file; `--preset readsb`).
    case readsb

    /// The format named by `path`'s extension, or `nil` for an unknown extension.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv", "txt": self = .csv
        case "gpx": self = .gpx
        case "geojson", "json": self = .geojson
        default: return nil
        }
    }

    /// The format of `path`: `explicit` when given, else by extension; throws
    /// `DomainError.invalidInput` naming the file for an unknown extension.
    /// Standard input (`-`) is CSV.
    public static func of(_ path: String, explicit: TrackFileFormat? = nil) throws -> TrackFileFormat {
        if path == "-" {
            guard explicit == nil || explicit == .csv else {
                throw DomainError.invalidInput(source: "<stdin>", message: "standard input is read as CSV only; give a \(explicit!.rawValue) track file by name")
            }
            return .csv
        }
        if let explicit { return explicit }
        guard let format = TrackFileFormat(path: path) else {
            throw DomainError.invalidInput(
                source: path, message: "unknown track format '.\((path as NSString).pathExtension)'; use .csv, .gpx, .geojson or --format-in")
        }
        return format
    }

    /// Opens `path` as a track source of this format.
    public func open(_ path: String, options: TrackReadOptions) throws -> AnyTrackSource {
        switch self {
        case .csv: return AnyTrackSource(try CSVTrackReader(path: path, options: options))
        case .gpx: return AnyTrackSource(GPXTrackReader(path: path, options: options))
        case .geojson: return AnyTrackSource(GeoJSONTrackReader(path: path, options: options))
        case .readsb: return AnyTrackSource(ReadsbTraceReader(path: path, options: options))
        }
    }
}
