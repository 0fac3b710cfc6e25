import CPROJ

/// A PROJ context (`PJ_CONTEXT`): the owner of PROJ's database connection, error state and log.
///
/// **Thread rule**: a `ProjContext`, and every `CRS` and `Transformer` made in it, belongs to one owner
/// (one thread or one task) at a time — PROJ contexts must not be used from two threads at once. The
/// types are deliberately not `Sendable`; for parallel work create one context per task (cheap:
/// creation is microseconds, opening `proj.db` happens lazily on first use).
///
/// The context captures PROJ's log messages so that errors carry PROJ's own text, and keeps a small
/// cache of transformers (building one costs ≈ 20 ms), see `transformer(from:to:)`.
public final class ProjContext {
    let handle: ProjContextHandle
    var transformerCache = TransformerCache()

    /// A new context. `searchPaths`, if given, replaces PROJ's resource search path (where it looks
    /// for `proj.db` and grids); by default PROJ_DATA or the compiled-in path is used.
    public init(searchPaths: [String]? = nil) {
        handle = ProjContextHandle(searchPaths: searchPaths)
    }

    /// The path of the `proj.db` in use, or `nil` if PROJ cannot find one.
    public var databasePath: String? { handle.databasePath }

    /// Throws a `ProjError` of kind `.cannotFindDatabase` ("cannot find proj.db") if PROJ has no database.
    public func requireDatabase() throws {
        handle.log.clear()
        if handle.databasePath == nil {
            throw handle.creationError(operation: "cannot open PROJ's database", kind: .cannotFindDatabase)
        }
    }
}
