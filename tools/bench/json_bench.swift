// GeoData JSON: speed and peak memory of Perimeter's GeoJSON reader on one file, one process per file and
// mode so that the peak is that run's. Built by tools/bench/run.sh against the release build's modules:
//   swiftc -O -parse-as-library tools/bench/json_bench.swift -I .build/release/Modules \
//     -I Sources/CGEOS -I Sources/CPROJ .build/release/{GeoJSON,GeometryCore,FileIO}.build/*.o -lgeos_c -lproj
// Usage: json_bench geojson|tree FILE
//   geojson  GeoJSONReader.read(data): the text decoded into a FeatureCollection (what loading GeoData does)
//   tree     GeoJSONReader.parseJSON(data): the text into a JSONValue tree (properties, scenario files)
// Prints: bytes, best seconds of 5, MB/s, the growth of the peak resident memory while the file is read and
// decoded once (its bytes included) as a multiple of the file size, the number of features (geojson) or
// top-level members (tree), the peak growth after all 5 rounds (what the allocator kept included), and MB/s
// from the best CPU time of the thread (what a round costs on an idle core, whatever the load).
import Foundation
import GeoJSON

@main
struct JSONBench {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// CPU time of this thread: what the parse costs whatever else the machine runs.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func peakRSSBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// The file's bytes in a `Data` of exactly their size.
    static func read(_ path: String) -> Data {
        guard let f = fopen(path, "rb") else { fatalError("cannot open \(path)") }
        defer { fclose(f) }
        fseek(f, 0, SEEK_END)
        let size = ftell(f)
        fseek(f, 0, SEEK_SET)
        var data = Data(count: size)
        _ = data.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, f) }
        return data
    }

    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, ["geojson", "tree"].contains(arguments[1]) else {
            fatalError("usage: json_bench geojson|tree FILE")
        }
        let tree = arguments[1] == "tree", path = arguments[2]
        // Warm up on a small document first, so that the peak below is what this file costs, not the
        // pages of code and the allocator's arenas touched on first use (≈ 2.5 MB).
        let warmUp = Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":1,"properties":{"a":[1.5,"b",null]},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}}]}"#.utf8)
        _ = try GeoJSONReader.read(warmUp)
        _ = try GeoJSONReader.parseJSON(warmUp)
        let rounds = Int(ProcessInfo.processInfo.environment["JSON_BENCH_ROUNDS"] ?? "") ?? 5  // more for profiling
        let before = peakRSSBytes()
        var best = Double.infinity, bestCPU = Double.infinity
        var size = 0
        var count = 0
        var growth = 0.0
        for round in 0..<rounds {
            let data = read(path)
            size = data.count
            let t0 = now(), c0 = threadCPU()
            if tree {
                let value = try GeoJSONReader.parseJSON(data, source: path)
                best = min(best, now() - t0)
                bestCPU = min(bestCPU, threadCPU() - c0)
                count = value.objectValue?.count ?? 0
            } else {
                let collection = try GeoJSONReader.read(data, source: path)
                best = min(best, now() - t0)
                bestCPU = min(bestCPU, threadCPU() - c0)
                count = collection.features.count
            }
            // The peak of reading the file once (later rounds reuse what the allocator kept).
            if round == 0 { growth = Double(peakRSSBytes() - before) / Double(size) }
        }
        let later = Double(peakRSSBytes() - before) / Double(size)
        print(size, fixed(best, 4), fixed(Double(size) / best / 1e6, 0), fixed(growth, 2), count, fixed(later, 2),
              fixed(Double(size) / bestCPU / 1e6, 0))
    }

    /// `v` with `decimals` digits after the point.
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let n = Int((v * scale).rounded())
        let whole = "\(n / Int(scale))"
        guard decimals > 0 else { return whole }
        let fraction = "\(n % Int(scale))"
        return whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
