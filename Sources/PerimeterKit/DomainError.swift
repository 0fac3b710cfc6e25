/// An error in Perimeter's domain layer, with a one-line message for the user.
public enum DomainError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A parameter (flag, profile value) outside its meaningful range.
    case invalidParameter(String)
    /// A named thing (profile, dataset, scenario, segment, country) that does not exist.
    case unknownName(kind: String, name: String, known: [String])
    /// Input data that cannot be used, with the file (or source) it came from.
    case invalidInput(source: String, message: String)

    public var description: String {
        switch self {
        case .invalidParameter(let m): return m
        case .unknownName(let kind, let name, let known):
            return "unknown \(kind) '\(name)'; known: \(known.joined(separator: ", "))"
        case .invalidInput(let source, let message): return "\(source): \(message)"
        }
    }
}
