import GeoJSON
import GeometryCore

/// Chooses the visible extent (map CRS metres) of a map: an explicit lon/lat box (its densified outline
/// projected), or the data of the non-basemap layers that fit the extent (else every layer) with a margin.
enum MapExtent {
    struct Box {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var isEmpty: Bool { !(minX <= maxX && minY <= maxY) }
        mutating func add(_ p: Coordinate) {
            minX = min(minX, p.x); maxX = max(maxX, p.x)
            minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
    }

    /// The layers whose data set the automatic extent: the non-basemap layers that fit the extent, or every
    /// layer when those have no geometry.
    static func dataLayers(_ layers: [MapLayer]) -> [MapLayer] {
        let data = layers.filter { $0.role != .basemap && $0.fitsExtent }
        if data.allSatisfy({ $0.collection.features.allSatisfy { $0.geometry?.isEmpty ?? true } }) { return layers }
        return data
    }

    /// - Parameters:
    ///   - marginFraction: margin on each side as a fraction of the larger data dimension (at least 20 km).
    ///   - aspectRange: allowed height/width ratios; the extent is widened to stay inside.
    static func extent(layers: [MapLayer], bbox: BoundingBox?, transformer: Transformer, marginFraction: Double,
                       aspectRange: ClosedRange<Double>) throws(MapError) -> Box {
        var box = Box()
        func add(_ c: Coordinate) {
            if c.isFinite, let p = try? transformer.transform(c), p.isFinite { box.add(p) }
        }
        if let bbox {
            guard bbox.west < bbox.east, bbox.south < bbox.north else {
                throw MapError("bbox \(bbox.west),\(bbox.south),\(bbox.east),\(bbox.north): west must be < east and south < north")
            }
            let n = 32
            for i in 0...n {
                let t = Double(i) / Double(n)
                let lon = bbox.west + (bbox.east - bbox.west) * t
                let lat = bbox.south + (bbox.north - bbox.south) * t
                add(Coordinate(lon: lon, lat: bbox.south)); add(Coordinate(lon: lon, lat: bbox.north))
                add(Coordinate(lon: bbox.west, lat: lat)); add(Coordinate(lon: bbox.east, lat: lat))
            }
        } else {
            for layer in dataLayers(layers) {
                for f in layer.collection.features {
                    for p in f.geometry?.allPositions ?? [] { add(p.coordinate) }
                }
            }
        }
        guard !box.isEmpty else { throw MapError("nothing to map: no layer has a position that can be projected") }
        if bbox == nil {
            let margin = max(20_000, marginFraction * max(box.maxX - box.minX, box.maxY - box.minY))
            box.minX -= margin; box.maxX += margin; box.minY -= margin; box.maxY += margin
        }
        let w = box.maxX - box.minX, h = box.maxY - box.minY
        if h / w < aspectRange.lowerBound {
            let grow = (w * aspectRange.lowerBound - h) / 2
            box.minY -= grow; box.maxY += grow
        } else if h / w > aspectRange.upperBound {
            let grow = (h / aspectRange.upperBound - w) / 2
            box.minX -= grow; box.maxX += grow
        }
        return box
    }
}
