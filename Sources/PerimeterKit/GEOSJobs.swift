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
        guard !inputs.isEmpty else { return [] }
        let order = inputs.indices.sorted { (cost(inputs[$0]), $1) > (cost(inputs[$1]), $0) }
        let results = Mutex<[Int: Result<Output, any Error>]>([:])
        let next = Atomic<Int>(0)
        let workers = max(1, min(threads, inputs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let context = GEOSContext()
            while true {
                let k = next.add(1, ordering: .relaxed).oldValue
                guard k < order.count else { break }
                let i = order[k]
                let outcome = Result<Output, any Error> { try job(inputs[i], context) }
                results.withLock { $0[i] = outcome }
            }
        }
        return try results.withLock { r in try inputs.indices.map { try r[$0]!.get() } }
    }

    /// As `results`, each worker thread also holding one `ProjContext` for its jobs (its transformers are built
    /// once per thread and reused by the jobs that thread runs).
    static func results<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        cost: (Input) -> Int = { _ in 1 },
        _ job: @Sendable (Input, GEOSContext, ProjContext) throws -> Output
    ) throws -> [Output] {
        guard !inputs.isEmpty else { return [] }
        let order = inputs.indices.sorted { (cost(inputs[$0]), $1) > (cost(inputs[$1]), $0) }
        let results = Mutex<[Int: Result<Output, any Error>]>([:])
        let next = Atomic<Int>(0)
        let workers = max(1, min(threads, inputs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let context = GEOSContext(), projContext = ProjContext()
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
