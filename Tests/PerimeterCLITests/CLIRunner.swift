import Foundation
import Testing

/// Runs the built `perimeter` executable and the test oracles' Python.
enum CLI {
    /// The package root (…/Tests/PerimeterCLITests/CLIRunner.swift → three levels up).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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
    static let python: String = {
        if let p = ProcessInfo.processInfo.environment["PERIMETER_PYTHON"], !p.isEmpty { return p }
        return packageRoot.appendingPathComponent(".venv/bin/python").path
    }()

    /// The shared folder with the benchmark workloads and reference implementations.
    static let shared: URL = {
        if let p = ProcessInfo.processInfo.environment["PERIMETER_SHARED"], !p.isEmpty {
            return URL(fileURLWithPath: p)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`, in `directory` if given, and waits.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment extra: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["PERIMETER_GEODATA"] = packageRoot.appendingPathComponent("GeoData").path
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Result(status: p.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `perimeter` with `arguments`.
    static func perimeter(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(binary.path, arguments, in: directory, environment: environment)
    }

    /// Runs `perimeter` with `arguments` and the file `stdinPath` as its standard input.
    static func perimeter(_ arguments: [String], stdinPath: String) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PERIMETER_GEODATA"] = packageRoot.appendingPathComponent("GeoData").path
        p.environment = env
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdinPath))
        defer { try? input.close() }
        p.standardInput = input
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
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
