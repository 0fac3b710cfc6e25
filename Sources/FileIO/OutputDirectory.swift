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
        let parent = parentPath(of: path)
        if !parent.isEmpty, parent != path, stat(parent, &info) != 0 {
            try create(parent)
        }
        if mkdir(path, 0o777) != 0, errno != EEXIST {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)), action: "create the folder")
        }
    }

    /// The folder holding `path` ("" for a bare name, "/" at the root). Plain string work: Foundation's
    /// `deletingLastPathComponent` traps on a one-character name such as `o`.
    static func parentPath(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        var parent = p[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return parent.isEmpty ? "/" : String(parent)
    }
}
