/// A file could not be written; the destination, if it existed, is unchanged.
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The destination path, as given.
    public var path: String
    /// The system's reason, e.g. "No such file or directory".
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot write the file: \(reason)" }
}
