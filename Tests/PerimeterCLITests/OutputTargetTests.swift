import Foundation
import GeoJSON
import Testing

/// `-o` / `--out` through the real binary: a FIFO or character device is written into (never replaced),
/// a symbolic link keeps pointing at its target (which gets the new file), a folder or impossible path is
/// one line on stderr and a non-zero exit.
@Suite struct OutputTargetTests {
    static func renderArguments(_ dir: String, to output: String) -> [String] {
        ["render", dir + "/sites.geojson", dir + "/eastern_line.geojson", "-o", output]
    }

    @Test func renderIntoAFIFOWithAReader() throws {
        let dir = try RenderCommandTests.scene()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe.geojson"
        #expect(mkfifo(fifo, 0o600) == 0)
        var result: CLI.Result?
        let bytes = try CLI.readingFIFO(fifo) { result = try CLI.perimeter(Self.renderArguments(dir, to: fifo)) }
        #expect(result?.status == 0, "\(result?.stderr ?? "")")
        let merged = try GeoJSONReader.read(bytes, source: "fifo")
        #expect(merged.features.count == 3)
        #expect(CLI.fileType(fifo) == S_IFIFO)
    }

    /// As root, a character device made with mknod (major 1, minor 3: a /dev/null) in the test's own folder;
    /// as a user, /dev/null itself (which a user could not replace anyway, but the type is still checked).
    @Test func renderIntoACharacterDevice() throws {
        let dir = try RenderCommandTests.scene()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var device = "/dev/null"
        if geteuid() == 0 {
            device = dir + "/null.gpkg"
            let dev = dev_t((3 & 0xFF) | ((1 & 0xFFF) << 8))
            #expect(mknod(device, S_IFCHR | 0o666, dev) == 0, "mknod: \(String(cString: strerror(errno)))")
        }
        for output in [device, dir + "/null-link.kml"] {
            if output.hasSuffix(".kml") { #expect(symlink(device, output) == 0) }
            let result = try CLI.perimeter(Self.renderArguments(dir, to: output))
            #expect(result.status == 0, "\(output): \(result.stderr)")
            #expect(CLI.fileType(device) == S_IFCHR)
        }
        #expect(CLI.fileType(dir + "/null-link.kml") == S_IFLNK)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: ["geojson", "gpkg"]) func renderThroughASymbolicLink(ext: String) throws {
        let dir = try RenderCommandTests.scene()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/store", withIntermediateDirectories: false)
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/store/layers.\(ext)"))
        #expect(symlink("store/layers.\(ext)", dir + "/current.\(ext)") == 0)
        let result = try CLI.perimeter(Self.renderArguments(dir, to: dir + "/current.\(ext)"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CLI.fileType(dir + "/current.\(ext)") == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/current.\(ext)") == "store/layers.\(ext)")
        #expect(CLI.fileType(dir + "/store/layers.\(ext)") == S_IFREG)
        if ext == "geojson" {
            #expect(try GeoJSONReader.read(contentsOf: dir + "/store/layers.geojson").features.count == 3)
        } else {
            let info = try CLI.ogrinfo(dir + "/store/layers.gpkg")
            #expect(info.status == 0 && info.stdout.contains("Layer name: sites"), "\(info.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/store") == ["layers.\(ext)"])
    }

    @Test func impossibleDestinationsAreOneLine() throws {
        let dir = try RenderCommandTests.scene()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let compare = try CLI.perimeter(["compare", "--quiet", "--out", "/proc/perimeter-none"])
        #expect(compare.status != 0)
        #expect(compare.stderr == "Error: /proc/perimeter-none: cannot create the folder: No such file or directory\n", "\(compare.stderr)")
        for ext in ["geojson", "gpkg", "kml"] {
            let target = dir + "/folder.\(ext)"
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
            let result = try CLI.perimeter(Self.renderArguments(dir, to: target))
            #expect(result.status != 0)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains("folder.\(ext)") && lines[0].contains("it is a directory"), "\(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        }
    }

    /// `-o /dev/stdout` with standard output a pipe: /dev/stdout → /proc/self/fd/1 → "pipe:[…]" (a link
    /// that only the kernel can follow); the bytes must reach the pipe.
    @Test func incursionsToDevStdoutThroughAPipe() throws {
        let dir = try RenderCommandTests.scene()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let tracks = "track_id,time,lon,lat\nt1,2025-09-10T00:00:00Z,12.0,52.0\nt1,2025-09-10T00:10:00Z,16.0,52.0\n"
        try Data(tracks.utf8).write(to: URL(fileURLWithPath: dir + "/tracks.csv"))
        let result = try CLI.perimeter(["incursions", dir + "/tracks.csv", "--airspace-file", dir + "/GeoData/countries.geojson",
                                        "--format", "csv", "-o", "/dev/stdout", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("track_id,") && result.stdout.contains("t1,"), "\(result.stdout)")
    }
}
