/// A map could not be rendered or rasterised; `description` is one line.
public struct MapError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
