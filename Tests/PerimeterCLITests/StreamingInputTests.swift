import Foundation
import Testing

/// `perimeter incursions -`: tracks from standard input, per-track rows streamed to stdout.
@Suite struct StreamingInputTests {
    /// `count` tracks of `fixes` fixes, 20 s apart, flying east along a latitude across Poland's
    /// western border (14–15.5° E) and some never reaching it: every track starts at the same time,
    /// so the tracks overlap in time, as in a real hour of traffic.
    static func tracks(_ count: Int, fixes: Int = 40) -> [(id: String, rows: [(t: Int, lon: Double, lat: Double)])] {
        (0..<count).map { i in
            let lat = 50.5 + Double(i % 17) * 0.17
            let lon0 = 12.5 + Double(i % 5) * 0.3 - (i % 7 == 0 ? 3 : 0)
            let step = 0.02 + Double(i % 3) * 0.01
            return ("T\(i)", (0..<fixes).map { k in (1_757_462_400 + 20 * k + i % 11, lon0 + step * Double(k), lat) })
        }
    }

    /// Rows grouped per track (`interleaved`: all rows sorted by time, aircraft interleaved).
    static func csv(_ tracks: [(id: String, rows: [(t: Int, lon: Double, lat: Double)])], interleaved: Bool = false) -> String {
        var rows: [(Int, Int, String)] = []
        for (n, track) in tracks.enumerated() {
            for r in track.rows { rows.append((r.t, n, "\(track.id),\(r.t),\(r.lon),\(r.lat)\n")) }
        }
        if interleaved { rows.sort { ($0.0, $0.1) < ($1.0, $1.1) } }
        return "track_id,time,lon,lat\n" + rows.map(\.2).joined()
    }

    @Test func standardInputEqualsTheFileRunByteForByte() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tracks.csv").path
        try Self.csv(Self.tracks(60)).write(toFile: path, atomically: true, encoding: .utf8)
        let file = try CLI.perimeter(["incursions", path, "--airspace", "PL", "--format", "csv", "-o", "-"])
        let piped = try CLI.perimeter(["incursions", "-", "--airspace", "PL", "--format", "csv", "-o", "-"], stdinPath: path)
        #expect(file.status == 0, "\(file.stderr)")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == file.stdout)
        let lines = piped.stdout.split(separator: "\n")
        #expect(lines.count == 61 && lines[0].hasPrefix("track_id,airspace,dwell_s"))
        #expect(lines.dropFirst().contains { !$0.contains(",PL,0.000,0,") }, "some track enters Poland")
        // The summary goes to stderr when the data goes to stdout.
        #expect(piped.stderr.contains("60 tracks") && piped.stderr.contains("standard input"))
        // And the same rows as an output file.
        let out = dir.appendingPathComponent("o.csv").path
        let written = try CLI.perimeter(["incursions", path, "--airspace", "PL", "-o", out, "--quiet"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == file.stdout)
    }

    @Test func interleavedByTimeGivesTheSameRowsAsGrouped() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tracks = Self.tracks(60)
        let grouped = dir.appendingPathComponent("grouped.csv").path
        let interleaved = dir.appendingPathComponent("interleaved.csv").path
        try Self.csv(tracks).write(toFile: grouped, atomically: true, encoding: .utf8)
        try Self.csv(tracks, interleaved: true).write(toFile: interleaved, atomically: true, encoding: .utf8)
        let a = try CLI.perimeter(["incursions", grouped, "--airspace-file", try HostileTrackInputTests.box(in: dir), "--format", "csv", "-o", "-"])
        let b = try CLI.perimeter(["incursions", "-", "--airspace-file", try HostileTrackInputTests.box(in: dir), "--format", "csv", "-o", "-"], stdinPath: interleaved)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        // All aircraft are in the air together: their rows come at the end of input, in order of
        // first appearance (by start time here, not by id): the same rows in another order.
        let rowsA = a.stdout.split(separator: "\n"), rowsB = b.stdout.split(separator: "\n")
        #expect(rowsB.first == rowsA.first)
        #expect(rowsB.sorted() == rowsA.sorted())
        #expect(rowsB != rowsA)
        #expect(b.stderr.contains("at most 60 aircraft open at once"), "\(b.stderr)")
    }

    @Test func aTrackIsWrittenAsSoonAsTheNextOneStarts() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Self.csv(Self.tracks(3)).split(separator: "\n", omittingEmptySubsequences: false)
        // Header, track T0 (40 rows) and the first row of T1; the rest is held back.
        let firstPart = text[0...41].joined(separator: "\n") + "\n"
        let rest = text[42...].joined(separator: "\n")
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["incursions", "-", "--airspace-file", try HostileTrackInputTests.box(in: dir), "--format", "csv", "-o", "-", "--quiet"]
        var env = ProcessInfo.processInfo.environment
        env["PERIMETER_GEODATA"] = CLI.packageRoot.appendingPathComponent("GeoData").path
        p.environment = env
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data(firstPart.utf8))
        // T0's row must arrive while standard input is still open.
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("\nT0,box,"), Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("\nT0,box,"), "T0's row before the end of input; got \(seen)")
        #expect(!seen.contains("T1,"))
        input.fileHandleForWriting.write(Data(rest.utf8))
        try input.fileHandleForWriting.close()
        seen += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(seen.contains("\nT1,box,") && seen.contains("\nT2,box,"))
    }

    @Test func aBadRowOnStandardInputNamesTheLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.csv").path
        try "track_id,time,lon,lat\nA,1757462400,14,52\nA,later,14.1,52\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLI.perimeter(["incursions", "-", "--airspace-file", try HostileTrackInputTests.box(in: dir), "--format", "csv", "-o", "-"], stdinPath: path)
        #expect(run.status != 0)
        #expect(run.stderr.contains("<stdin>:3: track 'A': unparsable time 'later'"), "\(run.stderr)")
    }
}
