import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates an output folder and its missing parents (`mkdir -p`), reporting a failure as one line
/// (`/proc/foo: cannot create the folder: No such file or directory`) instead of Foundation's error dump.
public enum OutputDirectory {
    public static func create(_ path: String) throws(FileWriteError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw FileWriteError(path: path, reason: "it exists and is not a folder", action: "create the folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, stat(parent, &info) != 0 {
            try create(parent)
        }
        if mkdir(path, 0o777) != 0, errno != EEXIST {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)), action: "create the folder")
        }
    }
}
