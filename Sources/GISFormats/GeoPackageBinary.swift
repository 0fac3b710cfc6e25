import GeoJSON

/// The GeoPackage binary geometry encoding (GeoPackage 1.3 §2.1.3, `GeoPackageBinaryHeader` + WKB).
///
/// Header: magic `GP`, version 0, flags (bit 0 = little-endian, bits 1–3 = envelope type 1 =
/// `[minx, maxx, miny, maxy]`, bit 4 = empty), the `srs_id` as int32, the envelope as four doubles
/// (lon/lat degrees for EPSG:4326), then little-endian ISO WKB (see ``WKBWriter``). An empty geometry is
/// flagged empty and written without envelope.
enum GeoPackageBinary {
    /// The lon/lat envelope of a geometry, degrees.
    struct Envelope: Equatable {
        var minX: Double, maxX: Double, minY: Double, maxY: Double

        init?(_ positions: [Position]) {
            guard let first = positions.first else { return nil }
            minX = first.lon; maxX = first.lon; minY = first.lat; maxY = first.lat
            for p in positions.dropFirst() {
                minX = min(minX, p.lon); maxX = max(maxX, p.lon)
                minY = min(minY, p.lat); maxY = max(maxY, p.lat)
            }
        }

        /// The envelope around both.
        func union(_ other: Envelope) -> Envelope {
            var e = self
            e.minX = min(minX, other.minX); e.maxX = max(maxX, other.maxX)
            e.minY = min(minY, other.minY); e.maxY = max(maxY, other.maxY)
            return e
        }
    }

    /// The blob for `geometry` in SRS `srsID`, and its envelope (`nil` when empty).
    static func encode(_ geometry: GeoJSONGeometry, srsID: Int32, hasZ: Bool) -> (blob: [UInt8], envelope: Envelope?) {
        let envelope = Envelope(geometry.allPositions)
        var w = WKBWriter(hasZ: hasZ)
        var out: [UInt8] = [0x47, 0x50, 0] // "GP", version 0
        let littleEndian: UInt8 = 1
        if let envelope {
            out.append(littleEndian | (1 << 1))
            w.int32(srsID)
            w.double(envelope.minX); w.double(envelope.maxX)
            w.double(envelope.minY); w.double(envelope.maxY)
        } else {
            out.append(littleEndian | (1 << 4))
            w.int32(srsID)
        }
        w.append(geometry)
        return (out + w.bytes, envelope)
    }
}
