import Foundation
import PerimeterTestSupport
import Testing

/// Runs the test oracles' Python (pyproj, geographiclib, shapely) as an independent reference.
///
/// The interpreter is `$PERIMETER_PYTHON`, else `<package root>/.venv/bin/python` (the package root
/// found from this file's path). A missing interpreter is a test failure, not a skip: the oracle
/// tests must be able to fail.
enum PythonOracle {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static var pythonPath: String { TestEnvironment.python }

    /// Runs `script` with `input` on stdin and returns stdout. Throws with stderr on a non-zero exit.
    static func run(_ script: String, input: String = "") throws -> String {
        let python = pythonPath
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failure(description: "oracle python not found at \(python) (set PERIMETER_PYTHON or run make test-deps)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "oracle script failed (\(process.terminationStatus)): \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs `script` and parses each output line as whitespace-separated doubles.
    static func rows(_ script: String, input: String = "") throws -> [[Double]] {
        try run(script, input: input).split(separator: "\n").map { line in
            try line.split(separator: " ").map { field in
                guard let v = Double(field) else { throw Failure(description: "bad oracle output line: \(line)") }
                return v
            }
        }
    }
}
