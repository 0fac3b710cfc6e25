import CPROJ

/// The messages PROJ logged on one context since the last `clear()`.
///
/// PROJ calls its log function synchronously on the thread that made the failing call, so a caller
/// clears the log, makes the call, and reads the log right after it. Owned by `ProjContextHandle`,
/// which passes it unretained as the log function's user data and keeps it alive.
final class ProjMessageLog {
    /// At most this many messages are kept (a bulk transform may log once per point).
    static let capacity = 16
    private(set) var messages: [String] = []

    func append(_ message: String) {
        if messages.last == message { return }  // PROJ often logs the same line twice in a row
        if messages.count >= Self.capacity { messages.removeFirst() }
        messages.append(message)
    }

    func clear() { messages.removeAll(keepingCapacity: true) }

    /// The logged messages joined into one line (most recent last), or `nil` if none.
    var joined: String? {
        messages.isEmpty ? nil : messages.joined(separator: "; ")
    }

    /// Installs the log function on `ctx`, with `self` as its user data (unretained: the caller keeps
    /// `self` alive for as long as `ctx`). Written in nonisolated code so the C callback carries no
    /// actor-isolation check.
    func install(on ctx: OpaquePointer) {
        let handler: PJ_LOG_FUNCTION = { userData, _, text in
            guard let userData, let text else { return }
            let log = Unmanaged<ProjMessageLog>.fromOpaque(userData).takeUnretainedValue()
            log.append(String(cString: text))
        }
        proj_log_func(ctx, Unmanaged.passUnretained(self).toOpaque(), handler)
        proj_log_level(ctx, PJ_LOG_ERROR)
    }
}
