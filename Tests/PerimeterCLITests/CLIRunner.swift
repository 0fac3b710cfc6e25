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

    /// The project's own Python reference implementations and workload generators (`tools/oracles`).
    static let oracles: URL = packageRoot.appendingPathComponent("tools/oracles")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`, in `directory` if given, with the file `stdinPath` as its
    /// standard input if given, and waits.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment extra: [String: String] = [:], stdinPath: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["PERIMETER_GEODATA"] = packageRoot.appendingPathComponent("GeoData").path
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let input = try stdinPath.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) }
        defer { try? input?.close() }
        if let input { p.standardInput = input }
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
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            let fd = open(path, O_RDONLY)  // blocks until a writer opens the FIFO
            guard fd >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                received.append(contentsOf: buffer[0..<n])
            }
            close(fd)
        }
        reader.start()
        defer {
            if !reader.isFinished {  // the writer never opened it: let the reader see the end
                let fd = open(path, O_WRONLY | O_NONBLOCK)
                if fd >= 0 { close(fd) }
            }
            while !reader.isFinished { usleep(1000) }
        }
        try write()
        while !reader.isFinished { usleep(1000) }
        return received
    }

    /// `st_mode & S_IFMT` of `path` itself (links not followed), or 0 when it does not exist.
    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }
}
