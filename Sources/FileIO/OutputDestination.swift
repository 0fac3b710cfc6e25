import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an output path really leads, and how to write there without destroying what the tool does not
/// own:
/// - a regular file (or a new name) is replaced atomically: a temporary file beside it, flushed, renamed
///   over it, then the directory entry flushed;
/// - a symbolic link is followed (hop by hop, so a dangling link creates its target) and its *target* is
///   replaced atomically; the link itself stays;
/// - a character device (`/dev/null`, a terminal) or a FIFO is opened and written into, never replaced;
/// - a directory, a block device or a socket is refused with a one-line ``FileWriteError``, as is an
///   existing file without write permission.
///
/// Writers that produce the file themselves (SQLite for GeoPackage, `rsvg-convert` for PNG) build it at
/// ``temporaryPath()`` and hand it to ``commit(temporary:)``.
public struct OutputDestination: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A regular file, existing or not: replaced by rename.
        case regularFile
        /// A character device or FIFO: written into.
        case stream
    }

    /// The path as the user gave it (used in messages).
    public let path: String
    /// The path written: `path` with symbolic links followed.
    public let resolvedPath: String
    public let kind: Kind

    /// Inspects `path` (without creating anything). Throws a one-line ``FileWriteError`` for a
    /// destination that must not be written.
    public static func resolve(_ path: String) throws(FileWriteError) -> OutputDestination {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Nothing there yet (or a dangling link): the file to create, links followed by hand.
            guard errno == ENOENT else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            return OutputDestination(path: path, resolvedPath: try followLinks(path), kind: .regularFile)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            let resolved = realPath(path) ?? path
            guard access(resolved, W_OK) == 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            return OutputDestination(path: path, resolvedPath: resolved, kind: .regularFile)
        case S_IFCHR, S_IFIFO:
            // Opened by the given path: the kernel follows links, /proc "magic" ones included
            // (`-o /dev/stdout` when standard output is a pipe).
            return OutputDestination(path: path, resolvedPath: path, kind: .stream)
        case S_IFDIR:
            throw FileWriteError(path: path, reason: "it is a directory")
        case S_IFBLK:
            throw FileWriteError(path: path, reason: "it is a block device; not writing over it")
        default:
            throw FileWriteError(path: path, reason: "it is neither a regular file, a character device nor a FIFO")
        }
    }

    /// `realpath(3)`: the absolute path with every link followed, or nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Where to build the content before ``commit(temporary:)``: beside the destination for a regular file
    /// (so the rename stays on one file system), in the temporary directory for a stream.
    public func temporaryPath() -> String {
        let name = (resolvedPath as NSString).lastPathComponent
        let unique = "\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        switch kind {
        case .regularFile:
            let directory = (resolvedPath as NSString).deletingLastPathComponent
            return "\(directory.isEmpty ? "." : directory)/.\(name).\(unique).tmp"
        case .stream:
            return (NSTemporaryDirectory() as NSString).appendingPathComponent(".perimeter-\(name).\(unique).tmp")
        }
    }

    /// Makes the complete file at `temporary` the destination's content and removes `temporary`: a
    /// rename (then a flush of the directory) for a regular file, a copy of the bytes into a stream.
    /// On failure `temporary` is removed too and an existing regular destination is unchanged.
    public func commit(temporary: String) throws(FileWriteError) {
        defer { unlink(temporary) }
        switch kind {
        case .regularFile:
            try Self.syncFile(temporary, reportingAs: path)
            guard rename(temporary, resolvedPath) == 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            Self.syncDirectory(of: resolvedPath)
        case .stream:
            let source = open(temporary, O_RDONLY | O_CLOEXEC)
            guard source >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            defer { close(source) }
            let sink = try openStream()
            defer { close(sink) }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress!, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
                }
                if n == 0 { break }
                let written = buffer.withUnsafeBytes { bytes in
                    Result { () throws(FileWriteError) in
                        try Self.writeAll(UnsafeRawBufferPointer(rebasing: bytes[0..<n]), to: sink, path: path)
                    }
                }
                try written.get()
            }
        }
    }

    /// Opens the stream destination for writing (a FIFO blocks until a reader opens it).
    func openStream() throws(FileWriteError) -> Int32 {
        let fd = open(resolvedPath, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        return fd
    }

    // MARK: - Steps

    /// Follows symbolic links one hop at a time (at most 40, as the kernel does), so that a dangling
    /// link yields the path of its missing target (which `realpath` cannot give).
    static func followLinks(_ path: String) throws(FileWriteError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &target, Int(PATH_MAX))
            guard n > 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            let link = String(decoding: target[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else {
                let directory = (current as NSString).deletingLastPathComponent
                current = directory.isEmpty ? link : "\(directory)/\(link)"
            }
        }
        throw FileWriteError(path: path, reason: String(cString: strerror(ELOOP)))
    }

    static func syncFile(_ file: String, reportingAs path: String) throws(FileWriteError) {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Flushes the directory entry of a renamed file (best effort: some file systems refuse `fsync` on a
    /// directory, and the data itself is already on disk).
    static func syncDirectory(of file: String) {
        let directory = (file as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    #if canImport(Glibc)
    private static let systemWrite = Glibc.write
    #else
    private static let systemWrite = Darwin.write
    #endif

    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }
}
