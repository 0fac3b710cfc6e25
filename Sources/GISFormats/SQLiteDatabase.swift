import CSQLite

/// A minimal owner of one SQLite connection (`sqlite3*`), closed in `deinit`. Errors carry SQLite's
/// message. Not `Sendable`: one connection belongs to one writer.
final class SQLiteDatabase {
    private let db: OpaquePointer

    /// Opens (creating) the database file at `path`.
    init(path: String) throws(GISFormatsError) {
        var handle: OpaquePointer?
        let rc = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open the database"
            if let handle { sqlite3_close(handle) }
            throw GISFormatsError(message: "sqlite: \(message)")
        }
        db = handle
    }

    deinit { sqlite3_close(db) }

    /// Runs one or more SQL statements without parameters.
    func execute(_ sql: String) throws(GISFormatsError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(db, sql, nil, nil, &errorMessage) != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastError
            sqlite3_free(errorMessage)
            throw GISFormatsError(message: "sqlite: \(message)")
        }
    }

    var lastError: String { String(cString: sqlite3_errmsg(db)) }

    /// A prepared statement for `sql`.
    func prepare(_ sql: String) throws(GISFormatsError) -> Statement {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK, let stmt else {
            throw GISFormatsError(message: "sqlite: \(lastError)")
        }
        return Statement(stmt: stmt, database: self)
    }

    /// A value bound to a statement parameter.
    enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
    }

    /// A prepared statement, finalised in `deinit`.
    final class Statement {
        private let stmt: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(stmt: OpaquePointer, database: SQLiteDatabase) {
            self.stmt = stmt
            self.database = database
        }

        deinit { sqlite3_finalize(stmt) }

        /// Binds `values` to parameters 1…n, runs the statement to completion and resets it.
        func run(_ values: [Value]) throws(GISFormatsError) {
            sqlite3_reset(stmt)
            sqlite3_clear_bindings(stmt)
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            for (i, value) in values.enumerated() {
                let index = Int32(i + 1)
                let rc: Int32
                switch value {
                case .null: rc = sqlite3_bind_null(stmt, index)
                case .integer(let v): rc = sqlite3_bind_int64(stmt, index, v)
                case .real(let v): rc = sqlite3_bind_double(stmt, index, v)
                case .text(let s): rc = sqlite3_bind_text(stmt, index, s, -1, transient)
                case .blob(let b):
                    rc = b.withUnsafeBytes { sqlite3_bind_blob(stmt, index, $0.baseAddress, Int32($0.count), transient) }
                }
                guard rc == SQLITE_OK else { throw GISFormatsError(message: "sqlite: \(database.lastError)") }
            }
            let rc = sqlite3_step(stmt)
            guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
                throw GISFormatsError(message: "sqlite: \(database.lastError)")
            }
            sqlite3_reset(stmt)
        }
    }
}
