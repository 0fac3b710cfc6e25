import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading a FIFO while the code under test writes into it.
public enum FIFOReader {
    /// Runs `write` while another thread reads the FIFO at `path` to its end; returns the bytes read.
    public static func reading(_ path: String, while write: () throws -> Void) rethrows -> Data {
        nonisolated(unsafe) var received = Data()
        let reader = Thread {
            let fd = open(path, O_RDONLY)  // blocks until a writer opens the FIFO
            guard fd >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                received.append(contentsOf: buffer[0..<n])
            }
            close(fd)
        }
        reader.start()
        defer {
            if !reader.isFinished {  // the writer never opened it: let the reader see the end
                let fd = open(path, O_WRONLY | O_NONBLOCK)
                if fd >= 0 { close(fd) }
            }
            while !reader.isFinished { usleep(1000) }
        }
        try write()
        while !reader.isFinished { usleep(1000) }
        return received
    }
}
