import Foundation

/// libFuzzer harnesses for Perimeter's readers (see `make fuzz` and fuzz/README.md).
///
/// Built two ways from the same sources:
/// - with `-sanitize=fuzzer,address -DFUZZING` (`make fuzz`): `FUZZ_HARNESS=<harness> perimeter-fuzz
///   [libFuzzer flags] [corpus…]` hands the command line to libFuzzer's driver, which calls
///   `LLVMFuzzerTestOneInput` (FuzzDriver.swift) with generated inputs;
/// - in a plain build: `perimeter-fuzz <harness> FILE…` replays saved inputs once each (crash reproduction;
///   the regression tests do the same in-process).
@main
struct PerimeterFuzz {
    static func main() {
        #if FUZZING
        FuzzDriver.run()
        #else
        let arguments = CommandLine.arguments
        guard arguments.count >= 2, let harness = FuzzHarness(rawValue: arguments[1]) else {
            let names = FuzzHarness.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: perimeter-fuzz <\(names)> FILE…\n".utf8))
            exit(2)
        }
        for file in arguments.dropFirst(2) {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file): cannot read the file\n".utf8))
                exit(1)
            }
            harness.run(Array(data))
        }
        #endif
    }
}
