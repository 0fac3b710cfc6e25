import Foundation
import Testing
@testable import FileIO
@testable import GeoJSON

@Suite struct AtomicFileWriterTests {
    @Test func replacesTheFileAndLeavesNoTemporaryBehind() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.geojson"
        try AtomicFileWriter.write(Data("first".utf8), to: path)
        try AtomicFileWriter.write(Data("second".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.geojson"])
    }

    @Test func writerErrorLeavesAnExistingFileUntouched() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/coverage.geojson"
        let good = FeatureCollection(features: [Feature(geometry: .point(Position(lon: 1, lat: 2)), properties: ["r": 1.5])])
        try GeoJSONWriter().write(good, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let bad = FeatureCollection(features: [good.features[0], Feature(geometry: nil, properties: ["r": .number(.nan)])])
        #expect(errorText { try GeoJSONWriter().write(bad, to: path) }
            == "\(path): features[1].properties.r: nan cannot be written as JSON")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["coverage.geojson"])
        #expect(try GeoJSONReader.read(contentsOf: path) == good)
    }

    @Test func unwritableDestinationIsReportedAndNothingIsLeft() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let message = errorText { try AtomicFileWriter.write(Data("x".utf8), to: dir + "/missing/out.geojson") }
        #expect(message == "\(dir)/missing/out.geojson: cannot write the file: No such file or directory")
        // Renaming onto a directory fails after the temporary file was written: it must be removed.
        try FileManager.default.createDirectory(atPath: dir + "/taken", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: dir + "/taken/inner", withIntermediateDirectories: false)
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.write(Data("x".utf8), to: dir + "/taken") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["taken"])
    }

    @Test func keepsTheModeOfAnExistingFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/shared.geojson"
        try AtomicFileWriter.write(Data("a".utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try AtomicFileWriter.write(Data("b".utf8), to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }
}

@Suite struct AtomicFileWriterPiecesTests {
    /// Pieces are written one after the other: the file holds their concatenation, like `write(Data)`.
    @Test func piecesAreWrittenInOrder() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/pieces.txt"
        try AtomicFileWriter.write(Data("old".utf8), to: path)
        try AtomicFileWriter.write(pieces: [Array("ab".utf8), [], Array("cde".utf8)], to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "abcde")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["pieces.txt"])
        // GeoJSONWriter.write (pieces) and encode (one Data) give the same bytes.
        let features = (0..<300).map { i in
            Feature(geometry: .point(Position(lon: Double(i) / 7, lat: 1)), properties: ["i": .integer(i)])
        }
        try GeoJSONWriter().write(FeatureCollection(features: features), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == GeoJSONWriter().encode(FeatureCollection(features: features)))
    }
}
