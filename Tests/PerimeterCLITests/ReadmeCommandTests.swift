import Foundation
import Testing

/// Every command in README.md's and examples/README.md's `sh` blocks runs as written: in a scratch folder holding a copy of
/// `examples/` and a link to `GeoData/` (as in a clone's root), with the `perimeter` built for the
/// tests first on `PATH`, one after the other in README order (later commands may read what earlier
/// ones wrote, e.g. `render out/compare/*.geojson` after `compare`), each one exiting 0.
///
/// Skipped, and only these: lines whose first word is `make`. They are the build and install
/// targets (`make run`, `make test`, `make install …`), which rebuild the package, install system
/// packages and run this very suite; `make test` itself runs the install check.
@Suite struct ReadmeCommandTests {
    struct Command: CustomStringConvertible {
        var text: String
        var line: Int
        var file = "README.md"
        var description: String { "\(file):\(line): \(text)" }
    }

    /// The commands of every ```sh (or ```bash / ```shell) block: `\`-continued lines joined,
    /// blank and comment-only lines dropped, `make` lines left out (see above).
    static func commands(in readme: String) -> (run: [Command], skipped: [Command]) {
        var run: [Command] = [], skipped: [Command] = []
        var inBlock = false, pending = "", pendingLine = 0
        for (index, raw) in readme.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                inBlock = !inBlock && ["```sh", "```bash", "```shell", "```console"].contains(line)
                pending = ""
                continue
            }
            guard inBlock else { continue }
            if pending.isEmpty {
                if line.isEmpty || line.hasPrefix("#") { continue }
                pendingLine = index + 1
            }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            let command = Command(text: (pending + line).replacingOccurrences(of: "$ ", with: "", options: .anchored), line: pendingLine)
            pending = ""
            if command.text.split(separator: " ").first == "make" { skipped.append(command) } else { run.append(command) }
        }
        return (run, skipped)
    }

    @Test func extractionFindsTheCommands() {
        let sample = """
            text
            ```sh
            make run    # builds
                        # more comment
            perimeter compare   # defaults
            perimeter coverage a.geojson \\
              --range-km 100
            ```
            ```swift
            let x = 1
            ```
            """
        let (run, skipped) = Self.commands(in: sample)
        #expect(run.map(\.text) == ["perimeter compare   # defaults", "perimeter coverage a.geojson  --range-km 100"])
        #expect(run.map(\.line) == [5, 6])
        #expect(skipped.map(\.text) == ["make run    # builds"])
    }

    @Test func everyReadmeCommandRuns() throws {
        var commands: [Command] = [], skipped: [Command] = []
        for file in ["README.md", "examples/README.md"] {
            let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(file), encoding: .utf8)
            let found = Self.commands(in: text)
            commands += found.run.map { Command(text: $0.text, line: $0.line, file: file) }
            skipped += found.skipped
        }
        #expect(commands.count >= 8, "too few commands found: the extraction is broken? \(commands)")
        #expect(skipped.allSatisfy { $0.text.hasPrefix("make ") })

        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.copyItem(at: CLI.packageRoot.appendingPathComponent("examples"), to: dir.appendingPathComponent("examples"))
        try fm.createSymbolicLink(at: dir.appendingPathComponent("GeoData"),
                                  withDestinationURL: CLI.packageRoot.appendingPathComponent("GeoData"))
        let binDir = CLI.binary.deletingLastPathComponent().path
        try #require(fm.isExecutableFile(atPath: CLI.binary.path), "no perimeter binary at \(CLI.binary.path)")
        let path = binDir + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for command in commands {
            let started = Date()
            let result = try CLI.run("/usr/bin/env", ["PATH=\(path)", "/bin/bash", "-o", "pipefail", "-c", command.text], in: dir)
            let seconds = Date().timeIntervalSince(started)
            let lastError = result.stderr.split(separator: "\n").suffix(3).joined(separator: " | ")
            #expect(result.status == 0, "\(command) exited \(result.status): \(lastError)")
            print("README command ok in \(String(format: "%.1f", seconds)) s: \(command.text)")
        }
    }
}
