import CGEOS

/// One GEOS reentrant context (`GEOSContextHandle_t`), its error/notice message sink and its
/// cached WKT/WKB readers and writers.
///
/// ## Threading rule
/// A GEOS context must never be used by two threads at once. `GEOSContext` is deliberately
/// **not `Sendable`**, and neither is anything that holds one (`Geometry`, `PreparedGeometry`,
/// `STRtree`): under Swift 6 strict concurrency the compiler refuses to send them to another
/// task or actor, so a context and every object built on it stay in one isolation domain.
/// For parallel work create one `GEOSContext` per task (creation costs well under a
/// microsecond) and move geometries between tasks as WKB bytes (`[UInt8]` is `Sendable`).
///
/// There is intentionally **no thread-local or global default context**: a task may resume on
/// another thread after a suspension, so a context found through thread-local storage could end
/// up shared by two tasks without the compiler noticing. Every constructor takes a `context:`
/// argument whose default value is a fresh context, and every operation's result lives in the
/// context of the geometry it was called on (the receiver).
///
/// Operations on two geometries from different contexts run in the receiver's context and read
/// the argument in place: a GEOS geometry belongs to no context (the context only carries
/// error/notice state), and both objects are in the caller's isolation domain anyway.
///
/// Errors: GEOS reports failures through the context's error handler; the message is stored in
/// the sink right away (handlers run synchronously on the calling thread) and read immediately
/// after the failed call to build a `GeometryError`. As shapely does, the stored message is cleared
/// (`clearError()`) before every call whose failure is detected by the presence of a message (or
/// whose failure is reported with it), so a failure that an earlier caller ignored can never be
/// blamed on a later, unrelated call.
public final class GEOSContext {
    /// The native context. Valid for the lifetime of this object; freed in `deinit`.
    @usableFromInline let handle: GEOSContextHandle_t

    /// Receives GEOS's error and notice messages for this context.
    @usableFromInline final class MessageSink {
        var lastError: String?
        var lastNotice: String?
        init() {}
    }

    @usableFromInline let sink: MessageSink

    private var wktReaderHandle: OpaquePointer?
    private var wktWriterHandle: OpaquePointer?
    private var wkbReaderHandle: OpaquePointer?
    private var wkbWriterHandle: OpaquePointer?

    /// A new GEOS context with message handlers installed.
    ///
    /// Stops the process only if `GEOS_init_r` itself fails (out of memory).
    public init() {
        guard let h = GEOS_init_r() else {
            fatalError("GEOS_init_r returned NULL (out of memory)")
        }
        handle = h
        sink = MessageSink()
        let userData = Unmanaged.passUnretained(sink).toOpaque()
        // Handlers are defined here, in nonisolated code (see swift-notes.md: a closure literal
        // written in a @MainActor context would trap when GEOS calls it).
        let onError: GEOSMessageHandler_r = { message, userData in
            guard let message, let userData else { return }
            let sink = Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue()
            sink.lastError = String(cString: message)
        }
        let onNotice: GEOSMessageHandler_r = { message, userData in
            guard let message, let userData else { return }
            let sink = Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue()
            sink.lastNotice = String(cString: message)
        }
        _ = GEOSContext_setErrorMessageHandler_r(h, onError, userData)
        _ = GEOSContext_setNoticeMessageHandler_r(h, onNotice, userData)
    }

    deinit {
        if let r = wktReaderHandle { GEOSWKTReader_destroy_r(handle, r) }
        if let w = wktWriterHandle { GEOSWKTWriter_destroy_r(handle, w) }
        if let r = wkbReaderHandle { GEOSWKBReader_destroy_r(handle, r) }
        if let w = wkbWriterHandle { GEOSWKBWriter_destroy_r(handle, w) }
        // Detach the handlers before the sink can go away, then free the context.
        _ = GEOSContext_setErrorMessageHandler_r(handle, nil, nil)
        _ = GEOSContext_setNoticeMessageHandler_r(handle, nil, nil)
        GEOS_finish_r(handle)
    }

    /// The last notice GEOS emitted on this context (for example why a geometry is invalid when
    /// a predicate was asked of it), or nil.
    public var lastNotice: String? { sink.lastNotice }

    /// The version string of the GEOS library in use, e.g. "3.11.1-CAPI-1.17.1".
    public static var geosVersion: String { String(cString: GEOSversion()) }

    // MARK: - Error plumbing (internal)

    /// Forgets any message left by an earlier call; run right before a GEOS call whose failure is
    /// read from the sink.
    @usableFromInline @inline(__always) func clearError() {
        if sink.lastError != nil { sink.lastError = nil }
    }

    /// Returns and clears the last error message.
    @usableFromInline func takeError() -> String? {
        defer { sink.lastError = nil }
        return sink.lastError
    }

    /// A `GeometryError.geos` for a call that just failed, with GEOS's own message.
    @usableFromInline func failure(_ operation: String) -> GeometryError {
        .geos(operation: operation, message: takeError() ?? "GEOS reported failure without a message")
    }

    /// Unwraps a pointer result; NULL means GEOS failed.
    @usableFromInline func check(_ result: OpaquePointer?, _ operation: String) throws -> OpaquePointer {
        guard let result else { throw failure(operation) }
        return result
    }

    /// Interprets a GEOS `char` predicate result: 1 true, 0 false, anything else (2) an error.
    @usableFromInline func checkBool(_ result: CChar, _ operation: String) throws -> Bool {
        switch result {
        case 1: return true
        case 0: return false
        default: throw failure(operation)
        }
    }

    /// Interprets a GEOS `int` status where 0 means an exception (GEOSArea_r and the like).
    @usableFromInline func checkStatus(_ status: Int32, _ operation: String) throws {
        if status == 0 { throw failure(operation) }
    }

    // MARK: - Cached readers and writers (internal, created on first use)

    var wktReader: OpaquePointer {
        get throws {
            if let r = wktReaderHandle { return r }
            let r = try check(GEOSWKTReader_create_r(handle), "WKT reader creation")
            wktReaderHandle = r
            return r
        }
    }

    var wktWriter: OpaquePointer {
        get throws {
            if let w = wktWriterHandle { return w }
            let w = try check(GEOSWKTWriter_create_r(handle), "WKT writer creation")
            GEOSWKTWriter_setTrim_r(handle, w, 1)
            GEOSWKTWriter_setOutputDimension_r(handle, w, 2)
            wktWriterHandle = w
            return w
        }
    }

    var wkbReader: OpaquePointer {
        get throws {
            if let r = wkbReaderHandle { return r }
            let r = try check(GEOSWKBReader_create_r(handle), "WKB reader creation")
            wkbReaderHandle = r
            return r
        }
    }

    var wkbWriter: OpaquePointer {
        get throws {
            if let w = wkbWriterHandle { return w }
            let w = try check(GEOSWKBWriter_create_r(handle), "WKB writer creation")
            GEOSWKBWriter_setOutputDimension_r(handle, w, 2)
            GEOSWKBWriter_setByteOrder_r(handle, w, Int32(GEOS_WKB_NDR.rawValue))
            wkbWriterHandle = w
            return w
        }
    }
}

@available(*, unavailable, message: "a GEOS context must stay in one isolation domain; create one per task")
extension GEOSContext: Sendable {}
