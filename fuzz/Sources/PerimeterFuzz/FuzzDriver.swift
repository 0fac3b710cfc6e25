#if FUZZING
import Foundation

/// The harness named by `$FUZZ_HARNESS`, read once (libFuzzer calls the entry point on one thread).
private let selectedHarness: FuzzHarness = {
    let name = ProcessInfo.processInfo.environment["FUZZ_HARNESS"] ?? ""
    guard let harness = FuzzHarness(rawValue: name) else {
        let names = FuzzHarness.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("perimeter-fuzz: set FUZZ_HARNESS to one of \(names)\n".utf8))
        exit(2)
    }
    return harness
}()

/// libFuzzer's entry point: one generated input per call.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedHarness.run(size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#endif

#if FUZZING
/// libFuzzer's driver (from the runtime `-sanitize=fuzzer` links in). SwiftPM points `main` at the
/// module's own entry point, so that entry point starts the driver with the command line.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

enum FuzzDriver {
    static func run() -> Never {
        _ = selectedHarness
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzerTestOneInput(data, size) })
    }
}
#endif
