import Foundation
import Testing

/// `--html FILE.html` on compare, coverage, incursions (scenario and a 2,000-track file), airspace, and
/// `render -o FILE.html`: every page checked in one headless Chromium session (tools/browser/check_page.py:
/// no console error, no network request, expected layers, a track's popup with its dwell, the time slider
/// moving the aircraft, a screenshot that is not blank). A missing browser or Selenium fails the test.
@Suite(.serialized) struct HTMLMapTests {
    static let checker = CLI.packageRoot.appendingPathComponent("tools/browser/check_page.py").path

    /// 2,000 tracks × 200 fixes (10 s apart) flying west from Belarus and Ukraine towards Poland, deterministic.
    static func writeTracks(to path: String, count: Int = 2000, fixes: Int = 200) throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        var text = "track_id,time,lon,lat,alt_m\n"
        text.reserveCapacity(count * fixes * 40)
        for i in 0..<count {
            let lon0 = 24.2 + 3 * random(), lat0 = 49.6 + 3.8 * random()
            let heading = (250 + 40 * random()) * .pi / 180, step = 0.004 + 0.006 * random()
            let t0 = 1_757_462_400 + Int(3600 * random())
            for k in 0..<fixes {
                let lon = lon0 + sin(heading) * step * Double(k) + 0.02 * sin(Double(k) / 15 + Double(i))
                let lat = lat0 + cos(heading) * step * Double(k) * 0.6
                text += "T\(i),\(t0 + 10 * k),\(String(format: "%.6f", lon)),\(String(format: "%.6f", lat)),300\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `2,215.3 s` as the page writes a dwell.
    static func seconds(_ v: Double) -> String {
        var whole = String(Int(v.rounded(.towardZero)))
        var grouped = ""
        while whole.count > 3 { grouped = "," + whole.suffix(3) + grouped; whole.removeLast(3) }
        return whole + grouped + String(format: "%.1f", v).drop { $0 != "." } + " s"
    }

    static func run(_ args: [String], allowScenarioFailure: Bool = false) throws {
        let r = try CLI.perimeter(args)
        #expect(r.status == 0 || (allowScenarioFailure && r.status == 1), "perimeter \(args.joined(separator: " ")): \(r.stderr)")
        #expect(r.stderr.contains("page written to"), "\(r.stderr)")
    }

    @Test func everyPageInHeadlessChromium() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path
        // Pages.
        try Self.run(["compare", "--quiet", "--out", d + "/compare", "--html", d + "/compare.html"])
        try Self.run(["compare", "--quiet", "--out", d + "/compare2", "--target-alt-m", "100", "--target-alt-m", "1000",
                      "--html", d + "/compare2.html"])
        try Self.run(["incursions", "--quiet", "--scenario", "estonia-2025-09-19", "--html", d + "/estonia.html"], allowScenarioFailure: true)
        try Self.writeTracks(to: d + "/tracks.csv")
        try Self.run(["incursions", "--quiet", d + "/tracks.csv", "--airspace", "PL", "--coverage", d + "/compare/coverage_100m.geojson",
                      "-o", d + "/tracks-out.csv", "--html", d + "/tracks.html"])
        try Self.run(["coverage", "--quiet", d + "/compare/sites.geojson", "-o", d + "/coverage.geojson", "--html", d + "/coverage.html"])
        try Self.run(["airspace", "EE", "-o", d + "/ee.geojson", "--html", d + "/airspace.html"])
        let hostile = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"</script><script>window.pwned=1</script><!--"},"geometry":{"type":"Point","coordinates":[24.5,50.1]}}]}"#
        try hostile.write(toFile: d + "/sites_hostile.geojson", atomically: true, encoding: .utf8)
        try Self.run(["render", d + "/compare/coverage_100m.geojson", d + "/compare/lines.geojson", d + "/sites_hostile.geojson",
                      "-o", d + "/render.html"])

        // Sizes: the default comparison page stays under 5 MB; the data block is escaped.
        func size(_ name: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: d + "/" + name)[.size] as! Int }
        let compareSize = try size("compare.html")
        #expect(compareSize <= 5_000_000, "compare.html is \(compareSize) bytes")
        let render = try String(contentsOfFile: d + "/render.html", encoding: .utf8)
        #expect(!render.contains("</script><script>window.pwned"), "a name closed the data block")
        #expect(render.contains("BSD-2-Clause") && render.contains("libjs-leaflet"))
        #expect(!render.contains("http://") || !render.contains("src=\"http"), "the page refers to a remote script")

        // The dwell a 2,000-track page shows for a track is the exact one (the CSV's).
        let csv = try String(contentsOfFile: d + "/tracks-out.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let crossing = try #require(csv.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .first { ($0.count > 2 ? Double($0[2]) : nil).map { $0 > 0 } ?? false })
        let trackID = String(crossing[0]), dwell = Double(crossing[2])!

        let pages: [[String: Any]] = [
            ["name": "compare", "path": d + "/compare.html", "screenshot": d + "/compare.png", "altitudes": 1,
             "layers": ["countries", "country_labels", "places", "region_polish-border", "region_dnipro", "coverage_100m", "gaps_100m",
                        "forward_line_polish-border", "forward_line_dnipro", "site_lines", "sites_nominal", "sites_100m", "exposed_frontier",
                        "assets_covered", "assets_not_covered"]],
            ["name": "compare-2-altitudes", "path": d + "/compare2.html", "screenshot": d + "/compare2.png", "altitudes": 2,
             "layers": ["coverage_100m", "coverage_1000m", "gaps_100m", "gaps_1000m", "sites_100m", "sites_1000m"]],
            ["name": "estonia-scenario", "path": d + "/estonia.html", "screenshot": d + "/estonia.png", "tracks": true,
             // Any of the three jets (they fly 450 m apart; a click may land on a neighbour's line).
             "popup_contains": ["dwell in EE", "EE #1 entry", "EE #1 exit", "max depth"],
             "layers": ["countries", "airspace_EE", "tracks", "inside", "entry_exit", "aircraft"]],
            ["name": "incursions-2000-tracks", "path": d + "/tracks.html", "screenshot": d + "/tracks.png", "tracks": true,
             "track_id": trackID, "popup_contains": ["dwell in PL " + Self.seconds(dwell)],
             "layers": ["airspace_PL", "coverage", "tracks", "inside", "entry_exit", "aircraft"]],
            ["name": "coverage", "path": d + "/coverage.html", "screenshot": d + "/coverage.png",
             "layers": ["coverage_union", "coverage_circles", "sites"]],
            ["name": "airspace", "path": d + "/airspace.html", "screenshot": d + "/airspace.png",
             "layers": ["airspace", "territorial_sea"]],
            ["name": "render", "path": d + "/render.html", "screenshot": d + "/render.png", "forbidden_globals": ["pwned"],
             "layers": ["coverage_100m", "lines", "sites_hostile"]],
        ]
        let spec = d + "/spec.json"
        try JSONSerialization.data(withJSONObject: ["pages": pages]).write(to: URL(fileURLWithPath: spec))
        let r = try CLI.run(CLI.python, [Self.checker, spec])
        let report = try #require(try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
                                  "check_page.py gave no report (exit \(r.status)): \(r.stdout.prefix(500)) \(r.stderr.suffix(1500))")
        #expect(r.status == 0, "browser check failed (exit \(r.status)): \(report["error"] ?? "")")
        let results = report["pages"] as? [[String: Any]] ?? []
        #expect(results.count == pages.count, "\(report["error"] ?? r.stderr.suffix(800))")
        for (page, spec) in zip(results, pages) {
            let errors = page["errors"] as? [String] ?? []
            #expect(page["ok"] as? Bool == true, "\(page["name"] ?? ""): \(errors.joined(separator: " | "))")
            // Sizes and timings for the record (never asserted: speed belongs to benchmarks).
            let facts = page["facts"] as? [String: Any] ?? [:]
            let bytes = (try? FileManager.default.attributesOfItem(atPath: spec["path"] as! String)[.size] as? Int) ?? 0
            print(String(format: "html page %@: %.2f MB, ready %@ s, one time step %@ ms, %@ colours", page["name"] as? String ?? "",
                         Double(bytes) / 1e6, "\(facts["ready_s"] ?? "-")", "\(facts["set_time_ms"] ?? "-")",
                         "\(facts["screenshot_colours"] ?? "-")"))
        }
    }

    @Test func badHTMLPathIsOneLineAndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = dir.path
        func expectOneLineFailure(_ r: CLI.Result, mentioning text: String) {
            #expect(r.status != 0)
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "stderr: \(r.stderr)")
            #expect(r.stderr.contains(text), "stderr: \(r.stderr)")
        }
        // A directory that does not exist: refused before any work, no result written.
        var r = try CLI.perimeter(["compare", "--quiet", "--out", d + "/out", "--html", d + "/missing/compare.html"])
        expectOneLineFailure(r, mentioning: d + "/missing")
        #expect(!FileManager.default.fileExists(atPath: d + "/out"))
        // Not .html.
        r = try CLI.perimeter(["airspace", "EE", "-o", d + "/ee.geojson", "--html", d + "/ee.svg"])
        expectOneLineFailure(r, mentioning: "must end in .html")
        #expect(!FileManager.default.fileExists(atPath: d + "/ee.geojson"))
        // Leaflet missing: one line naming the file and the package.
        r = try CLI.perimeter(["airspace", "EE", "-o", d + "/ee.geojson", "--html", d + "/ee.html"],
                              environment: ["PERIMETER_LEAFLET_DIR": d + "/no-leaflet"])
        expectOneLineFailure(r, mentioning: "libjs-leaflet")
        #expect(!FileManager.default.fileExists(atPath: d + "/ee.geojson") && !FileManager.default.fileExists(atPath: d + "/ee.html"))
        // The page cannot be renamed into place (a directory of that name): one line, no temporary file left.
        try FileManager.default.createDirectory(atPath: d + "/page.html", withIntermediateDirectories: false)
        r = try CLI.perimeter(["render", CLI.packageRoot.appendingPathComponent("GeoData/places.geojson").path, "-o", d + "/page.html"])
        expectOneLineFailure(r, mentioning: "page.html")
        let left = try FileManager.default.contentsOfDirectory(atPath: d).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }
}
