import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files all-or-nothing: the bytes go to a temporary file in the destination's directory,
/// are flushed to disk, and the temporary file is then renamed over the destination. A failure at any step
/// removes the temporary file and leaves an existing destination untouched; readers never see half a file.
/// The path `-` means standard output.
///
/// Callers should produce the whole content first (so an encoding error throws before anything is
/// written). Safe to use from several threads for different destinations.
public enum AtomicFileWriter {
    /// Writes `data` to `path` atomically (or to standard output for `-`). New files get mode 0644
    /// (less the umask); an existing destination's permission bits are kept.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        if path == "-" {
            try writeAll(data, to: STDOUT_FILENO, path: path)
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = "\(directory)/.\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        var mode: mode_t = 0o644
        var existing = stat()
        if stat(path, &existing) == 0 { mode = existing.st_mode & 0o7777 }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        do throws(FileWriteError) {
            try writeAll(data, to: fd, path: path)
            if fsync(fd) != 0 { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
            if close(fd) != 0 {
                unlink(temporary)
                throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    #if canImport(Glibc)
    private static let systemWrite = Glibc.write
    #else
    private static let systemWrite = Darwin.write
    #endif

    private static func writeAll(_ data: Data, to fd: Int32, path: String) throws(FileWriteError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure { throw FileWriteError(path: path, reason: String(cString: strerror(failure))) }
    }
}
