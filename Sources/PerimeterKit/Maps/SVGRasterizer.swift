import Foundation
import GeoJSON
import FileIO

/// Turns an SVG file into a PNG with `rsvg-convert` (Debian package `librsvg2-bin`), found on `PATH`.
public enum SVGRasterizer {
    /// The path of `rsvg-convert`, or `nil` when it is not installed.
    public static func rsvgConvertPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/rsvg-convert"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders `svgPath` to `pngPath`, `width` pixels wide (height in proportion). The PNG is written to a
    /// temporary file and then committed as ``OutputDestination`` says (renamed over a regular file or a
    /// symbolic link's target, copied into a FIFO or character device).
    /// - Throws: ``MapError`` ("rsvg-convert not found: apt-get install librsvg2-bin", or its exit status and message).
    public static func png(svgPath: String, pngPath: String, width: Int) throws {
        guard let tool = rsvgConvertPath() else { throw MapError("rsvg-convert not found: apt-get install librsvg2-bin") }
        guard width > 0, width <= 20_000 else { throw MapError("PNG width \(width) px must be between 1 and 20000") }
        let destination: OutputDestination
        do { destination = try OutputDestination.resolve(pngPath) } catch { throw MapError(error.description) }
        let temporary = destination.temporaryPath()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-w", String(width), "-f", "png", "-o", temporary, svgPath]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            let line = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw MapError("\(svgPath): rsvg-convert failed (exit \(process.terminationStatus)): \(line)")
        }
        do { try destination.commit(temporary: temporary) } catch { throw MapError(error.description) }
    }
}
