import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import GeoJSON
import GeometryCore
import FileIO
import PerimeterTestSupport

/// A fresh temporary directory for one test.
func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "geojson-tests-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Ring through (lon, lat) pairs, closed automatically.
func ring(_ pairs: [(Double, Double)]) -> [Position] {
    var r = pairs.map { Position(lon: $0.0, lat: $0.1) }
    if r.first != r.last { r.append(r[0]) }
    return r
}

/// Planar area (square degrees) of a polygon: exterior minus holes.
func planarArea(_ rings: [[Position]]) -> Double {
    guard let exterior = rings.first else { return 0 }
    return abs(PlanarRing.signedArea(exterior)) / 2 - rings.dropFirst().reduce(0) { $0 + abs(PlanarRing.signedArea($1)) / 2 }
}

/// The polygons of a Polygon or MultiPolygon.
func polygons(_ g: GeoJSONGeometry) -> [[[Position]]] {
    switch g {
    case .polygon(let rings): [rings]
    case .multiPolygon(let polys): polys
    default: []
    }
}

/// The error a throwing expression produced, as its one-line description.
func errorText(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return "\(error)"
    }
}

/// GeoJSON text of a FeatureCollection holding one feature with `geometry` (raw JSON).
func collectionJSON(geometry: String, properties: String = "{}") -> String {
    """
    {"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": \(geometry), "properties": \(properties)}
    ]}
    """
}

/// Runs a program, returning its exit status and standard output + error.
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let r = try ProcessRunner.run(executable, arguments, output: .mergedWithStandardError)
    return (r.status, r.stdout)
}

/// glibc's `makedev` (a macro Swift does not import).
func linuxDevice(major: UInt64, minor: UInt64) -> dev_t {
    dev_t((minor & 0xFF) | ((major & 0xFFF) << 8) | ((minor & ~0xFF) << 12) | ((major & ~0xFFF) << 32))
}

/// `st_mode & S_IFMT` of `path` itself (links not followed).
func fileType(_ path: String) throws -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
    return info.st_mode & S_IFMT
}

/// Runs `write` while another thread reads the FIFO at `path` to its end; returns what was read.
func readFIFO(_ path: String, while write: () throws -> Void) throws -> String {
    String(decoding: try FIFOReader.reading(path, while: write), as: UTF8.self)
}
