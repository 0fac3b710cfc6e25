import Foundation
import Synchronization

/// Features cut into consecutive chunks that are encoded on several threads when there are many:
/// `map` runs its body once per chunk (its index and range) (concurrently) and returns the results in chunk order, or
/// throws the error of the first chunk (in order) that threw. Below `minimumPerChunk` features per
/// thread, one chunk on the calling thread.
struct FeatureChunks: Sendable {
    let ranges: [Range<Int>]

    init(count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount, minimumPerChunk: Int = 64) {
        let wanted = min(4 * max(1, threads), count / minimumPerChunk)
        guard wanted > 1 else {
            ranges = [0..<count]
            return
        }
        let size = (count + wanted - 1) / wanted
        ranges = stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    func map<T: Sendable, E: Error>(_ body: @Sendable (Int, Range<Int>) throws(E) -> T) throws(E) -> [T] {
        if ranges.count == 1 { return [try body(0, ranges[0])] }
        let results = Mutex<[Int: Result<T, E>]>([:])
        let ranges = self.ranges
        DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
            let outcome: Result<T, E>
            do throws(E) { outcome = .success(try body(k, ranges[k])) } catch { outcome = .failure(error) }
            results.withLock { $0[k] = outcome }
        }
        return try results.withLock { r throws(E) -> [T] in
            var out: [T] = []
            out.reserveCapacity(ranges.count)
            for k in 0..<ranges.count { out.append(try r[k]!.get()) }
            return out
        }
    }
}
