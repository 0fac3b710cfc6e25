import CPROJ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns a `PJ_CONTEXT` and its message log; destroys the context in `deinit`.
///
/// Every PROJ object wrapper (`CRS`, `Transformer`) holds a strong reference to the handle of the
/// context it was made in, so the context outlives every `PJ*` created in it. Kept apart from
/// `ProjContext` so that the context's transformer cache does not form a reference cycle.
final class ProjContextHandle {
    let ctx: OpaquePointer
    let log = ProjMessageLog()

    init(searchPaths: [String]?) {
        ctx = proj_context_create()
        log.install(on: ctx)
        if let searchPaths {
            var cStrings = searchPaths.map { strdup($0) }
            defer { cStrings.forEach { free($0) } }
            cStrings.withUnsafeMutableBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buf.count) {
                    proj_context_set_search_paths(ctx, Int32(buf.count), $0)
                }
            }
        }
    }

    deinit {
        proj_log_func(ctx, nil, nil)
        proj_context_destroy(ctx)
    }

    /// The path of the `proj.db` this context uses, or `nil` if it cannot find one.
    var databasePath: String? {
        proj_context_get_database_path(ctx).map { String(cString: $0) }
    }

    /// PROJ's text for the context's current error: the log if it has messages, else the errno string.
    func currentMessage(errno: Int32? = nil) -> String {
        if let logged = log.joined { return logged }
        let err = errno ?? proj_context_errno(ctx)
        if err != 0, let s = proj_context_errno_string(ctx, err) { return String(cString: s) }
        return "unknown PROJ error"
    }

    /// The error for a failed object creation: says "cannot find proj.db" in those words when the
    /// database is missing (PROJ's own errno then only says "Unknown error (code 2)").
    func creationError(operation: String, kind: ProjError.Kind) -> ProjError {
        let message = currentMessage()
        let mentionsDatabase = log.messages.contains { $0.lowercased().contains("proj.db") }
        if mentionsDatabase || databasePath == nil {
            return ProjError(
                kind: .cannotFindDatabase, operation: operation,
                message: "cannot find proj.db (install proj-data or set PROJ_DATA); PROJ says: \(message)")
        }
        return ProjError(kind: kind, operation: operation, message: message)
    }
}
