/// An interactive page could not be built or written; `description` is one line.
public struct HTMLMapError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
