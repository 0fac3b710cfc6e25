// JSON parsing speed and peak memory of Perimeter's JSON parser (GeoJSON/JSONParser.swift) on one file.
// Built and run by tools/bench/run.sh, one process per file so that the peak is that file's:
//   swiftc -O -parse-as-library tools/bench/json_bench.swift Sources/GeoJSON/{JSONParser,JSONValue,JSONObject,GeoJSONError}.swift
// Prints: bytes, best parse seconds of 5, MB/s, and the growth of the peak resident memory while the file
// is read and parsed (its bytes included) as a multiple of the file size.
#if canImport(Glibc)
import Glibc
#endif

@main
struct JSONBench {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func peakRSSBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    static func read(_ path: String) -> [UInt8] {
        guard let f = fopen(path, "rb") else { fatalError("cannot open \(path)") }
        defer { fclose(f) }
        fseek(f, 0, SEEK_END)
        let size = ftell(f)
        fseek(f, 0, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: size)
        _ = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, f) }
        return bytes
    }

    static func main() throws {
        let path = CommandLine.arguments[1]
        let before = peakRSSBytes()
        var best = Double.infinity
        var size = 0
        var members = 0
        for round in 0..<5 {
            let bytes = read(path)
            size = bytes.count
            let t0 = now()
            let value = try JSONParser.parse(bytes)
            best = min(best, now() - t0)
            if round == 0, case .object(let o) = value { members = o.count }
        }
        let growth = Double(peakRSSBytes() - before) / Double(size)
        func fixed(_ v: Double, _ decimals: Int) -> String {
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            let n = Int((v * scale).rounded())
            let whole = "\(n / Int(scale))"
            guard decimals > 0 else { return whole }
            let fraction = "\(n % Int(scale))"
            return whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        // bytes, seconds, MB/s, peak growth / size
        print(size, fixed(best, 4), fixed(Double(size) / best / 1e6, 0), fixed(growth, 2), members > 0 ? "" : "(no object)")
    }
}
