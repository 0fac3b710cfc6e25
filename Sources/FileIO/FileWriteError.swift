/// A file could not be written; the destination, if it existed, is unchanged.
public struct FileWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The destination path, as given.
    public var path: String
    /// The system's reason, e.g. "No such file or directory".
    public var reason: String

    /// What could not be done, e.g. "write the file" (the default) or "create the folder".
    public var action: String

    public init(path: String, reason: String, action: String = "write the file") {
        self.path = path
        self.reason = reason
        self.action = action
    }

    public var description: String { "\(path): cannot \(action): \(reason)" }
}
