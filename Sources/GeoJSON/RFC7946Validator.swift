import Foundation

/// One departure from RFC 7946 found by ``RFC7946Validator``.
public struct RFC7946Problem: Hashable, Sendable, CustomStringConvertible {
    /// JSON path, e.g. `features[0].geometry.coordinates[0]`; empty for the whole document.
    public var path: String
    public var message: String

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A strict RFC 7946 checker for GeoJSON text (for tests and for checking outputs before shipping them).
///
/// Reports: malformed JSON, unknown `type`s, a `crs` member anywhere (§4), missing or mis-nested coordinates,
/// non-numeric positions, longitudes outside [-180, 180] or latitudes outside [-90, 90] (§4), lines with fewer
/// than 2 positions, rings with fewer than 4 positions or not closed (§3.1.6), exterior rings not
/// counter-clockwise and holes not clockwise (§3.1.6, signed area in lon/lat), segments jumping more than 180° of
/// longitude (not cut at the antimeridian, §3.1.9), and bboxes that are not 4 or 6 numbers with south ≤ north (§5).
/// An empty list means no problem was found.
public enum RFC7946Validator {
    public static func problems(in data: Data) -> [RFC7946Problem] {
        let json: JSONValue
        do {
            json = try JSONParser.parse(data)
        } catch {
            return [RFC7946Problem(path: "", message: error.description)]
        }
        var found: [RFC7946Problem] = []
        guard case .object(let top) = json, case .string(let type)? = top["type"] else {
            return [RFC7946Problem(path: "", message: "top level is not a GeoJSON object with a \"type\"")]
        }
        if !(["FeatureCollection", "Feature"] + GeoJSONDecoding.geometryTypes).contains(type) {
            found.append(RFC7946Problem(path: "type", message: "unknown type \"\(type)\""))
        }
        check(json, path: "", &found)
        return found
    }

    /// Problems of a geometry value, checked as it would be written without normalisation.
    public static func problems(in geometry: GeoJSONGeometry) -> [RFC7946Problem] {
        var found: [RFC7946Problem] = []
        check(GeoJSONToJSON.geometry(geometry), path: "", &found)
        return found
    }

    private static func check(_ value: JSONValue, path: String, _ found: inout [RFC7946Problem]) {
        guard case .object(let o) = value else { return }
        func problem(_ p: String, _ m: String) { found.append(RFC7946Problem(path: p, message: m)) }
        if o["crs"] != nil { problem(GeoJSONDecoding.join(path, "crs"), "the crs member is not allowed (RFC 7946 §4)") }
        if let bbox = o["bbox"] { checkBBox(bbox, path: GeoJSONDecoding.join(path, "bbox"), &found) }
        guard case .string(let type)? = o["type"] else {
            problem(path, "missing \"type\"")
            return
        }
        switch type {
        case "FeatureCollection":
            guard case .array(let features)? = o["features"] else { return problem(path, "missing \"features\" array") }
            for (i, f) in features.enumerated() { check(f, path: GeoJSONDecoding.join(path, "features") + "[\(i)]", &found) }
        case "Feature":
            switch o["geometry"] {
            case nil: problem(path, "missing \"geometry\"")
            case .null?: break
            case let g?: check(g, path: GeoJSONDecoding.join(path, "geometry"), &found)
            }
        case "GeometryCollection":
            guard case .array(let members)? = o["geometries"] else { return problem(path, "missing \"geometries\" array") }
            for (i, g) in members.enumerated() { check(g, path: GeoJSONDecoding.join(path, "geometries") + "[\(i)]", &found) }
        default:
            guard ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"].contains(type) else {
                return problem(GeoJSONDecoding.join(path, "type"), "unknown type \"\(type)\"")
            }
            guard let coordinates = o["coordinates"] else { return problem(path, "missing \"coordinates\"") }
            let cpath = GeoJSONDecoding.join(path, "coordinates")
            switch type {
            case "Point": _ = position(coordinates, cpath, &found)
            case "MultiPoint": _ = positions(coordinates, cpath, &found)
            case "LineString": line(coordinates, cpath, &found)
            case "MultiLineString": each(coordinates, cpath, &found) { line($0, $1, &$2) }
            case "Polygon": polygon(coordinates, cpath, &found)
            default: each(coordinates, cpath, &found) { polygon($0, $1, &$2) }
            }
        }
    }

    private static func each(_ v: JSONValue, _ path: String, _ found: inout [RFC7946Problem], _ body: (JSONValue, String, inout [RFC7946Problem]) -> Void) {
        guard case .array(let a) = v else { return found.append(RFC7946Problem(path: path, message: "expected an array")) }
        for (i, e) in a.enumerated() { body(e, "\(path)[\(i)]", &found) }
    }

    private static func position(_ v: JSONValue, _ path: String, _ found: inout [RFC7946Problem]) -> Position? {
        guard case .array(let a) = v, a.count >= 2, let lon = a[0].doubleValue, let lat = a[1].doubleValue,
              a.dropFirst(2).allSatisfy({ $0.doubleValue != nil }) else {
            found.append(RFC7946Problem(path: path, message: "expected a position [lon, lat] of numbers"))
            return nil
        }
        if !(lon >= -180 && lon <= 180) { found.append(RFC7946Problem(path: "\(path)[0]", message: "longitude \(lon) is outside [-180, 180]")) }
        if !(lat >= -90 && lat <= 90) { found.append(RFC7946Problem(path: "\(path)[1]", message: "latitude \(lat) is outside [-90, 90]")) }
        return Position(lon: lon, lat: lat, altitude: a.count > 2 ? a[2].doubleValue : nil)
    }

    private static func positions(_ v: JSONValue, _ path: String, _ found: inout [RFC7946Problem]) -> [Position]? {
        guard case .array(let a) = v else {
            found.append(RFC7946Problem(path: path, message: "expected an array of positions"))
            return nil
        }
        var result: [Position] = []
        var ok = true
        for (i, e) in a.enumerated() {
            if let p = position(e, "\(path)[\(i)]", &found) { result.append(p) } else { ok = false }
        }
        guard ok else { return nil }
        for i in result.indices.dropFirst() where abs(result[i].lon - result[i - 1].lon) > 180 {
            found.append(RFC7946Problem(path: "\(path)[\(i)]", message:
                "segment jumps \(abs(result[i].lon - result[i - 1].lon))° of longitude: it crosses the antimeridian without being cut (§3.1.9)"))
        }
        return result
    }

    private static func line(_ v: JSONValue, _ path: String, _ found: inout [RFC7946Problem]) {
        if let ps = positions(v, path, &found), ps.count < 2 {
            found.append(RFC7946Problem(path: path, message: "a LineString needs at least 2 positions"))
        }
    }

    private static func polygon(_ v: JSONValue, _ path: String, _ found: inout [RFC7946Problem]) {
        guard case .array(let rings) = v else { return found.append(RFC7946Problem(path: path, message: "expected an array of rings")) }
        for (r, ringValue) in rings.enumerated() {
            let rpath = "\(path)[\(r)]"
            guard let ring = positions(ringValue, rpath, &found) else { continue }
            if ring.count < 4 {
                found.append(RFC7946Problem(path: rpath, message: "a ring needs at least 4 positions, has \(ring.count)"))
                continue
            }
            if ring.first != ring.last {
                found.append(RFC7946Problem(path: rpath, message: "ring is not closed"))
                continue
            }
            let area = PlanarRing.signedArea(ring)
            if r == 0 && area < 0 { found.append(RFC7946Problem(path: rpath, message: "exterior ring is clockwise; RFC 7946 wants counter-clockwise")) }
            if r > 0 && area > 0 { found.append(RFC7946Problem(path: rpath, message: "hole is counter-clockwise; RFC 7946 wants clockwise")) }
            if area == 0 { found.append(RFC7946Problem(path: rpath, message: "ring has zero area")) }
        }
    }

    private static func checkBBox(_ v: JSONValue, path: String, _ found: inout [RFC7946Problem]) {
        guard case .array(let a) = v, a.count == 4 || a.count == 6, a.allSatisfy({ $0.doubleValue?.isFinite == true }) else {
            return found.append(RFC7946Problem(path: path, message: "bbox must be 4 or 6 finite numbers"))
        }
        let n = a.compactMap(\.doubleValue)
        let (south, north) = a.count == 4 ? (n[1], n[3]) : (n[1], n[4])
        let (west, east) = a.count == 4 ? (n[0], n[2]) : (n[0], n[3])
        if south > north { found.append(RFC7946Problem(path: path, message: "bbox south \(south) is north of north \(north)")) }
        if abs(west) > 180 || abs(east) > 180 { found.append(RFC7946Problem(path: path, message: "bbox longitudes outside [-180, 180]")) }
    }
}
