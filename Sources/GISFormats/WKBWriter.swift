import GeoJSON

/// Encodes a ``GeoJSONGeometry`` as little-endian ISO WKB (OGC Simple Features / ISO 13249), the geometry
/// body of a GeoPackage blob. Coordinates are lon/lat degrees as given. With `hasZ` every position is
/// written with its altitude (metres; a position without one gets 0) and the type codes are the ISO
/// 1000-offset Z codes (e.g. 1001 for Point Z); otherwise altitudes are dropped.
struct WKBWriter {
    var hasZ: Bool
    private(set) var bytes: [UInt8] = []

    init(hasZ: Bool) { self.hasZ = hasZ }

    /// The WKB bytes of `geometry`.
    static func encode(_ geometry: GeoJSONGeometry, hasZ: Bool) -> [UInt8] {
        var w = WKBWriter(hasZ: hasZ)
        w.append(geometry)
        return w.bytes
    }

    mutating func append(_ geometry: GeoJSONGeometry) {
        switch geometry {
        case .point(let p):
            header(1)
            position(p)
        case .lineString(let ps):
            header(2)
            positions(ps)
        case .polygon(let rings):
            header(3)
            polygon(rings)
        case .multiPoint(let ps):
            header(4)
            uint32(UInt32(ps.count))
            for p in ps {
                header(1)
                position(p)
            }
        case .multiLineString(let lines):
            header(5)
            uint32(UInt32(lines.count))
            for line in lines {
                header(2)
                positions(line)
            }
        case .multiPolygon(let polys):
            header(6)
            uint32(UInt32(polys.count))
            for rings in polys {
                header(3)
                polygon(rings)
            }
        case .geometryCollection(let members):
            header(7)
            uint32(UInt32(members.count))
            for m in members { append(m) }
        }
    }

    private mutating func header(_ type: UInt32) {
        bytes.append(1) // little endian
        uint32(hasZ ? type + 1000 : type)
    }

    private mutating func polygon(_ rings: [[Position]]) {
        uint32(UInt32(rings.count))
        for ring in rings { positions(ring) }
    }

    private mutating func positions(_ ps: [Position]) {
        uint32(UInt32(ps.count))
        for p in ps { position(p) }
    }

    private mutating func position(_ p: Position) {
        double(p.lon)
        double(p.lat)
        if hasZ { double(p.altitude ?? 0) }
    }

    mutating func uint32(_ v: UInt32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int32(_ v: Int32) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ v: Double) {
        withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
