import Foundation
import Testing
@testable import FileIO
@testable import GeoJSON
#if canImport(Glibc)
import Glibc
#endif

/// `-o` never destroys what the tool does not own: FIFOs and character devices are written into, symbolic
/// links keep pointing where they did (their target gets the new content), folders and impossible paths
/// are one-line errors.
@Suite struct OutputDestinationTests {
    @Test func fifoWithAReaderGetsTheBytesAndStaysAFIFO() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe.geojson"
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = try readFIFO(fifo) { try AtomicFileWriter.write(Data("through the pipe".utf8), to: fifo) }
        #expect(received == "through the pipe")
        #expect(try fileType(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["pipe.geojson"])
    }

    /// As root: a character device made with `mknod` as a copy of /dev/null (1, 3). Otherwise the real
    /// /dev/null through a symbolic link in a temporary folder (a user cannot replace /dev/null anyway,
    /// but the link and the device type are still checked).
    @Test func characterDeviceIsWrittenIntoNotReplaced() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var device = dir + "/null"
        if geteuid() == 0 {
            #expect(mknod(device, S_IFCHR | 0o666, linuxDevice(major: 1, minor: 3)) == 0, "mknod: \(String(cString: strerror(errno)))")
        } else {
            #expect(symlink("/dev/null", device) == 0)
            device = "/dev/null"
        }
        var before = stat()
        #expect(stat(device, &before) == 0)
        try AtomicFileWriter.write(Data(repeating: 65, count: 100_000), to: dir + "/null")
        var after = stat()
        #expect(stat(device, &after) == 0)
        #expect(after.st_mode & S_IFMT == S_IFCHR)
        #expect(after.st_rdev == before.st_rdev && after.st_ino == before.st_ino)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["null"])
    }

    @Test func symbolicLinkSurvivesAndItsTargetHoldsTheNewContent() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: false)
        try AtomicFileWriter.write(Data("old".utf8), to: dir + "/data/real.geojson")
        #expect(symlink("data/real.geojson", dir + "/link.geojson") == 0)  // relative, as `ln -s` users write them
        try AtomicFileWriter.write(Data("new".utf8), to: dir + "/link.geojson")
        #expect(try fileType(dir + "/link.geojson") == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.geojson") == "data/real.geojson")
        #expect(try String(contentsOfFile: dir + "/data/real.geojson", encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/data") == ["real.geojson"])
        // A chain of links, and a dangling link whose target is then created.
        #expect(symlink(dir + "/link.geojson", dir + "/chain.geojson") == 0)
        try AtomicFileWriter.write(Data("newer".utf8), to: dir + "/chain.geojson")
        #expect(try String(contentsOfFile: dir + "/data/real.geojson", encoding: .utf8) == "newer")
        #expect(symlink("data/later.geojson", dir + "/dangling.geojson") == 0)
        try AtomicFileWriter.write(Data("made".utf8), to: dir + "/dangling.geojson")
        #expect(try fileType(dir + "/dangling.geojson") == S_IFLNK)
        #expect(try String(contentsOfFile: dir + "/data/later.geojson", encoding: .utf8) == "made")
    }

    @Test func folderAndImpossiblePathsAreOneLineErrors() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(errorText { try AtomicFileWriter.write(Data("x".utf8), to: dir) } == "\(dir): cannot write the file: it is a directory")
        #expect(errorText { try AtomicFileWriter.write(Data("x".utf8), to: "/proc/perimeter-none/out.geojson") }
            == "/proc/perimeter-none/out.geojson: cannot write the file: No such file or directory")
        #expect(errorText { try OutputDirectory.create("/proc/perimeter-none/out") }
            == "/proc/perimeter-none: cannot create the folder: No such file or directory")
        try AtomicFileWriter.write(Data("x".utf8), to: dir + "/file")
        #expect(errorText { try OutputDirectory.create(dir + "/file") } == "\(dir)/file: cannot create the folder: it exists and is not a folder")
        try OutputDirectory.create(dir + "/a/b/c")
        #expect(try fileType(dir + "/a/b/c") == S_IFDIR)
        if geteuid() != 0 {  // root may write anywhere
            let locked = dir + "/locked.geojson"
            try AtomicFileWriter.write(Data("keep".utf8), to: locked)
            #expect(chmod(locked, 0o444) == 0)
            #expect(errorText { try AtomicFileWriter.write(Data("x".utf8), to: locked) } == "\(locked): cannot write the file: Permission denied")
            #expect(try String(contentsOfFile: locked, encoding: .utf8) == "keep")
        }
    }

    /// A one-letter folder name (`--out o`) trapped inside Foundation's `deletingLastPathComponent`;
    /// the parent is now found by plain string work (no chdir here: tests run in parallel).
    @Test func parentOfOneLetterAndSlashedPaths() {
        #expect(OutputDirectory.parentPath(of: "o") == "")
        #expect(OutputDirectory.parentPath(of: "/o") == "/")
        #expect(OutputDirectory.parentPath(of: "a//b/") == "a")
        #expect(OutputDirectory.parentPath(of: "out/compare") == "out")
        #expect(OutputDirectory.parentPath(of: "/") == "/")
    }

    @Test func commitOfABuiltFileFollowsTheSameRules() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/out.gpkg"
        #expect(mkfifo(fifo, 0o600) == 0)
        let destination = try OutputDestination.resolve(fifo)
        #expect(destination.kind == .stream)
        let temporary = destination.temporaryPath()
        #expect(!temporary.hasPrefix(dir))  // never beside a device or FIFO
        try Data(repeating: 7, count: 300_000).write(to: URL(fileURLWithPath: temporary))
        let received = try readFIFO(fifo) { try destination.commit(temporary: temporary) }
        #expect(received.utf8.count == 300_000)
        #expect(!FileManager.default.fileExists(atPath: temporary))
        #expect(try fileType(fifo) == S_IFIFO)
    }
}
