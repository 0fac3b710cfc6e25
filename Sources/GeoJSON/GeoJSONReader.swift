import Foundation
import FileIO

/// Reads GeoJSON (RFC 7946) into plain Swift values, strictly.
///
/// Accepts a FeatureCollection, a Feature or a bare geometry at the top level; the result is always a
/// ``FeatureCollection`` (a Feature becomes a collection of one, a bare geometry a feature without
/// properties). Rejected, with a ``GeoJSONError`` naming the file, the JSON path and the problem:
/// malformed JSON (with line and column), an empty document or top-level object, unknown or misplaced
/// `type`s, wrong nesting of coordinate arrays, non-numeric or non-finite coordinates (`1e999`, `"NaN"`),
/// latitudes outside [-90, 90], lines with one position, polygon rings with fewer than 4 positions or not
/// closed, a Feature without a `geometry` member.
///
/// Normalised on reading: longitudes outside [-180, 180] are brought into range by adding a multiple of
/// 360° (190 → −170). Coordinates are otherwise kept as written (ring orientation and antimeridian
/// splitting are applied on output by ``GeoJSONWriter``). Foreign members and `crs` are ignored.
///
/// Stateless; safe to use from any thread.
public enum GeoJSONReader {
    /// Reads a GeoJSON file. `path` is named in errors as given.
    public static func read(contentsOf path: String) throws(GeoJSONError) -> FeatureCollection {
        let data: Data
        do throws(FileReadError) {
            data = try FileReadError.contents(of: path)
        } catch {
            throw GeoJSONError(file: path, message: "cannot read the file: \(error.reason)")
        }
        return try read(data, source: path)
    }

    /// Reads GeoJSON from memory; `source` (a file name) is named in errors when given.
    ///
    /// Two paths, one result: the fast path (``GeoJSONFastDecoding``) decodes the text in one pass,
    /// positions straight from the bytes; a document it does not take (malformed, breaking a rule, or
    /// laid out in a way it does not handle) goes through the tree path — ``JSONParser`` into a
    /// ``JSONValue``, then ``GeoJSONDecoding`` — which gives the value or the error message.
    public static func read(_ data: Data, source: String? = nil) throws(GeoJSONError) -> FeatureCollection {
        do throws(GeoJSONError) {
            return try JSONParser.withBytes(of: data) { (bytes) throws(GeoJSONError) in
                if let collection = GeoJSONFastDecoding.document(bytes) { return collection }
                return try treeDocument(bytes)
            }
        } catch {
            throw error.inFile(source)
        }
    }

    /// The tree path of ``read(_:source:)-(Data,_)``: the whole JSON value first, then its GeoJSON.
    static func treeDocument(_ bytes: UnsafeBufferPointer<UInt8>) throws(GeoJSONError) -> FeatureCollection {
        try GeoJSONDecoding.document(try JSONParser.parse(bytes))
    }

    /// Reads GeoJSON from a string; `source` is named in errors when given.
    public static func read(_ text: String, source: String? = nil) throws(GeoJSONError) -> FeatureCollection {
        try read(Data(text.utf8), source: source)
    }

    /// Parses any JSON text into a ``JSONValue`` (member order kept). Errors carry line and column.
    public static func parseJSON(_ data: Data, source: String? = nil) throws(GeoJSONError) -> JSONValue {
        do throws(GeoJSONError) {
            return try JSONParser.parse(data)
        } catch {
            throw error.inFile(source)
        }
    }
}
