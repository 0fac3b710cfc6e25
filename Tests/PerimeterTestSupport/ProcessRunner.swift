import Foundation

/// What a finished process wrote and how it ended.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs a program for a test and waits for it.
public enum ProcessRunner {
    /// How standard output is collected.
    public enum Output: Sendable {
        /// Captured in ``ProcessResult/stdout``; standard error in ``ProcessResult/stderr``.
        case captured
        /// Standard output and standard error captured together in ``ProcessResult/stdout``.
        case mergedWithStandardError
        /// Written to the file at this path (created or truncated); ``ProcessResult/stdout`` is empty.
        case file(String)
    }

    /// Runs `executable` with `arguments`, in `directory` if given, with `environment` (the test's own
    /// environment, then these values), the file `stdinPath` as standard input if given.
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:], stdinPath: String? = nil,
                           output: Output = .captured) throws -> ProcessResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        if !environment.isEmpty {
            var env = ProcessInfo.processInfo.environment
            for (k, v) in environment { env[k] = v }
            p.environment = env
        }
        let input = try stdinPath.map { try FileHandle(forReadingFrom: URL(fileURLWithPath: $0)) }
        defer { try? input?.close() }
        if let input { p.standardInput = input }
        let out = Pipe(), err = Pipe()
        var outFile: FileHandle?
        switch output {
        case .captured:
            p.standardOutput = out
            p.standardError = err
        case .mergedWithStandardError:
            p.standardOutput = out
            p.standardError = out
        case .file(let path):
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            outFile = FileHandle(forWritingAtPath: path)
            p.standardOutput = outFile
            p.standardError = err
        }
        defer { try? outFile?.close() }
        try p.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let separateError: Bool
        if case .mergedWithStandardError = output { separateError = false } else { separateError = true }
        let reader = Thread { if separateError { errData = err.fileHandleForReading.readDataToEndOfFile() } }
        reader.start()
        var outData = Data()
        if case .file = output {} else { outData = out.fileHandleForReading.readDataToEndOfFile() }
        p.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return ProcessResult(status: p.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}
