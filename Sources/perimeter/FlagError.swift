import ArgumentParser

/// A bad flag value: printed by ArgumentParser as one line, `Error: <message>`, exit 1.
///
/// `ValidationError` would append the usage and a "See --help" line (three lines); the issue asks
/// for a one-line error, so `validate()` throws this instead.
struct FlagError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
