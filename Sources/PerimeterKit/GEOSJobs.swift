import Foundation
import Synchronization
import GeometryCore

/// Independent GEOS jobs run on several threads, each thread in its own `GEOSContext`;
/// geometries go in and come back as WKB (`[UInt8]`, `Sendable`), which keeps every coordinate
/// bit for bit, so a job gives exactly the geometry it would give on the calling thread.
enum GEOSJobs {
    /// `job(input, context)` for every input, on up to `threads` threads; the results in input
    /// order. Inputs are started largest `cost` first (a long job started last would leave the
    /// other threads idle). The first error thrown (in input order) is rethrown.
    static func map<Input: Sendable>(
        _ inputs: [Input], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        cost: (Input) -> Int = { _ in 1 },
        _ job: @Sendable (Input, GEOSContext) throws -> [UInt8]
    ) throws -> [[UInt8]] {
        try results(inputs, threads: threads, cost: cost, job)
    }

    /// As `map`, for any `Sendable` result (values, WKB inside): each job makes what it needs in its own
    /// contexts (GEOS, PROJ) and returns values that hold none of them.
    static func results<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        cost: (Input) -> Int = { _ in 1 },
        _ job: @Sendable (Input, GEOSContext) throws -> Output
    ) throws -> [Output] {
        // The PROJ contexts are cheap to make (PROJ opens its database on first use) and left unused here.
        try results(inputs, threads: threads, projContexts: ProjContextPool(count: 1), cost: cost) { input, context, _ in
            try job(input, context)
        }
    }

    /// As `results`, each worker also holding a `ProjContext` for its jobs: worker w takes `projContexts`' w-th
    /// (one worker at a time, so never two threads at once), so the transformers it builds (≈ 10–20 ms each) serve
    /// every later job it runs, in this call and the next ones given the same pool.
    static func results<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        projContexts: ProjContextPool = ProjContextPool(),
        cost: (Input) -> Int = { _ in 1 },
        _ job: @Sendable (Input, GEOSContext, ProjContext) throws -> Output
    ) throws -> [Output] {
        guard !inputs.isEmpty else { return [] }
        let order = inputs.indices.sorted { (cost(inputs[$0]), $1) > (cost(inputs[$1]), $0) }
        let results = Mutex<[Int: Result<Output, any Error>]>([:])
        let next = Atomic<Int>(0)
        let workers = max(1, min(threads, inputs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let context = GEOSContext(), projContext = projContexts.context(w)
            while true {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < order.count else { break }
                let i = order[k]
                let outcome = Result<Output, any Error> { try job(inputs[i], context, projContext) }
                results.withLock { $0[i] = outcome }
            }
        }
        return try results.withLock { r in try inputs.indices.map { try r[$0]!.get() } }
    }
}

/// PROJ contexts handed to the workers of `GEOSJobs.results` by worker index, kept from one call to the next.
/// `@unchecked Sendable`: a context is only ever used by the worker holding its index, one worker at a time.
final class ProjContextPool: @unchecked Sendable {
    private let contexts: [ProjContext]

    init(count: Int = ProcessInfo.processInfo.activeProcessorCount) {
        contexts = (0..<max(1, count)).map { _ in ProjContext() }
    }

    /// Worker `w`'s context (a new one past the pool's size).
    func context(_ w: Int) -> ProjContext { w < contexts.count ? contexts[w] : ProjContext() }
}
