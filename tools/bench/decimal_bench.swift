// Micro-benchmark of DecimalParser (the CSV hot path) against plain strtod, per kind of field.
// Built and run by tools/bench/run.sh:
//   swiftc -O -parse-as-library tools/bench/decimal_bench.swift Sources/PerimeterKit/Tracks/DecimalParser.swift
#if canImport(Glibc)
import Glibc
#endif

@main
struct DecimalBench {
    static func fields(_ count: Int, _ make: (inout UInt64) -> String) -> (bytes: [UInt8], bounds: [(Int, Int)]) {
        var state: UInt64 = 12345
        var bytes: [UInt8] = [], bounds: [(Int, Int)] = []
        for _ in 0..<count {
            let s = make(&state)
            bounds.append((bytes.count, bytes.count + s.utf8.count))
            bytes += s.utf8
        }
        return (bytes, bounds)
    }

    static func next(_ s: inout UInt64) -> UInt64 {
        s = s &* 6364136223846793005 &+ 1442695040888963407
        return s >> 11
    }

    static func seconds(_ body: () -> Double) -> (Double, Double) {
        var t0 = timespec(), t1 = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t0)
        let sum = body()
        clock_gettime(CLOCK_MONOTONIC, &t1)
        return (Double(t1.tv_sec - t0.tv_sec) + Double(t1.tv_nsec - t0.tv_nsec) * 1e-9, sum)
    }

    static func main() {
        let n = 3_000_000
        let kinds: [(String, (inout UInt64) -> String)] = [
            ("lon/lat, 6 decimals", { s in String(format6(Double(next(&s) % 26_000_000) / 1e6)) }),
            ("epoch seconds", { s in String(1_757_462_400 + Int(next(&s) % 86_400)) }),
            ("17 significant digits", { s in "52." + String(100_000_000_000_000 + next(&s) % 899_999_999_999_999) }),
        ]
        print("field kind                 DecimalParser ns   strtod ns")
        for (name, make) in kinds {
            let (bytes, bounds) = fields(n, make)
            var best = (Double.infinity, Double.infinity)
            for _ in 0..<3 {
                let (ours, _) = bytes.withUnsafeBufferPointer { p in
                    seconds { var sum = 0.0; for (a, b) in bounds { sum += DecimalParser.parse(p.baseAddress!, a, b) ?? 0 }; return sum }
                }
                let (ref, _) = bytes.withUnsafeBufferPointer { p in
                    seconds { var sum = 0.0; for (a, b) in bounds { sum += DecimalParser.slowParse(p.baseAddress!, a, b) ?? 0 }; return sum }
                }
                best = (min(best.0, ours), min(best.1, ref))
            }
            let pad = name + String(repeating: " ", count: max(0, 26 - name.count))
            print("\(pad) \(String(format1(best.0 / Double(n) * 1e9)).leftPad(16)) \(String(format1(best.1 / Double(n) * 1e9)).leftPad(11))")
        }
    }

    static func format6(_ v: Double) -> String {
        let scaled = Int((v * 1e6).rounded())
        let frac = String(scaled % 1_000_000)
        return "\(scaled / 1_000_000)." + String(repeating: "0", count: 6 - frac.count) + frac
    }

    static func format1(_ v: Double) -> String {
        let t = Int((v * 10).rounded())
        return "\(t / 10).\(t % 10)"
    }
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
