import Foundation
import PerimeterTestSupport
import Testing

/// Runs the built `perimeter` executable and the test oracles' Python.
enum CLI {
    /// The package root.
    static let packageRoot: URL = TestEnvironment.packageRoot

    /// The `perimeter` binary built beside this test bundle.
    static let binary: URL = {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for dir in candidates {
            var d = dir
            for _ in 0..<3 {
                let b = d.appendingPathComponent("perimeter")
                if FileManager.default.isExecutableFile(atPath: b.path) { return b }
                d = d.deletingLastPathComponent()
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/perimeter")
    }()

    /// Python with shapely/pyproj/geographiclib (set by `make test`), else the package's venv.
    static let python: String = TestEnvironment.python

    /// The project's own Python reference implementations and workload generators (`tools/oracles`).
    static let oracles: URL = TestEnvironment.oracles

    typealias Result = ProcessResult

    /// Runs `executable` with `arguments`, in `directory` if given, with the file `stdinPath` as its
    /// standard input if given, and waits; `PERIMETER_GEODATA` points at the package's GeoData.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment extra: [String: String] = [:], stdinPath: String? = nil) throws -> Result {
        var env = ["PERIMETER_GEODATA": TestEnvironment.geoData.path]
        for (k, v) in extra { env[k] = v }
        return try ProcessRunner.run(executable, arguments, in: directory, environment: env, stdinPath: stdinPath)
    }

    /// Runs `perimeter` with `arguments`.
    static func perimeter(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(binary.path, arguments, in: directory, environment: environment)
    }

    /// Runs `perimeter` with `arguments` and the file `stdinPath` as its standard input.
    static func perimeter(_ arguments: [String], stdinPath: String) throws -> Result {
        try run(binary.path, arguments, stdinPath: stdinPath)
    }

    /// A fresh temporary directory, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("perimeter-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// `ogrinfo -al -so FILE`: GDAL must open the file; returns its output.
    static func ogrinfo(_ path: String) throws -> Result {
        try run("/usr/bin/ogrinfo", ["-al", "-so", path])
    }
}

extension CLI {
    /// Runs `write` while another thread reads the FIFO at `path` to its end; returns the bytes read.
    static func readingFIFO(_ path: String, while write: () throws -> Void) rethrows -> Data {
        try FIFOReader.reading(path, while: write)
    }

    /// `st_mode & S_IFMT` of `path` itself (links not followed), or 0 when it does not exist.
    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }
}
