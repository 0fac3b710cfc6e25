import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files all-or-nothing, never destroying what the tool does not own (see
/// ``OutputDestination``): a regular file gets its bytes in a temporary file beside it, flushed to disk,
/// renamed over it, and the directory flushed; a symbolic link's target is replaced that way (the link
/// stays); a character device or FIFO is written into; a directory or an unwritable path is a one-line
/// ``FileWriteError``. A failure at any step removes the temporary file and leaves an existing destination
/// untouched; readers never see half a file. The path `-` means standard output.
///
/// Callers should produce the whole content first (so an encoding error throws before anything is
/// written). Safe to use from several threads for different destinations.
public enum AtomicFileWriter {
    /// Writes `data` to `path` (or to standard output for `-`). New files get mode 0644 (less the umask);
    /// an existing destination's permission bits are kept.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        try write(to: path) { fd throws(FileWriteError) in try writeAll(data, to: fd, path: path) }
    }

    /// Writes the concatenation of `pieces` to `path` like ``write(_:to:)``, without joining them first
    /// (one copy of a large text fewer).
    public static func write(pieces: [[UInt8]], to path: String) throws(FileWriteError) {
        try write(to: path) { fd throws(FileWriteError) in
            for piece in pieces {
                let result = piece.withUnsafeBytes { buffer in
                    Result { () throws(FileWriteError) in try OutputDestination.writeAll(buffer, to: fd, path: path) }
                }
                try result.get()
            }
        }
    }

    /// Opens `path`'s destination (see the type) and lets `content` write the bytes into it.
    private static func write(to path: String, content: (Int32) throws(FileWriteError) -> Void) throws(FileWriteError) {
        if path == "-" {
            try content(STDOUT_FILENO)
            return
        }
        let destination = try OutputDestination.resolve(path)
        switch destination.kind {
        case .stream:
            let fd = try destination.openStream()
            defer { close(fd) }
            try content(fd)
        case .regularFile:
            try replace(destination, content: content)
        }
    }

    private static func replace(_ destination: OutputDestination, content: (Int32) throws(FileWriteError) -> Void) throws(FileWriteError) {
        let path = destination.path
        let temporary = destination.temporaryPath()
        var mode: mode_t = 0o644
        var existing = stat()
        if stat(destination.resolvedPath, &existing) == 0 { mode = existing.st_mode & 0o7777 }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        do throws(FileWriteError) {
            try content(fd)
            if fsync(fd) != 0 { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        if close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
        if rename(temporary, destination.resolvedPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
        OutputDestination.syncDirectory(of: destination.resolvedPath)
    }

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws(FileWriteError) {
        let result = data.withUnsafeBytes { buffer in
            Result { () throws(FileWriteError) in try OutputDestination.writeAll(buffer, to: fd, path: path) }
        }
        try result.get()
    }
}
