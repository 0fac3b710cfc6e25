import ArgumentParser
import Foundation
import PerimeterKit

/// `perimeter scenarios list`: the incident scenarios in GeoData/scenarios.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "Incident scenarios reconstructed from public reporting (GeoData/scenarios).",
        subcommands: [List.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the scenarios: name, title, date, tracks, pass/fail checks and consistency-only figures.",
            discussion: "Run one with `perimeter incursions --scenario NAME`.")

        @Option(help: SharedFlags.geodataHelp)
        var geodata: String?

        func run() throws {
            let dir = try GeoDataLocator.directory(explicit: geodata)
            let scenarios = try ScenarioCatalog.all(geodata: dir)
            if scenarios.isEmpty { print("no scenarios in \(GeoDataLocator.file(ScenarioCatalog.folder, in: dir))"); return }
            for s in scenarios {
                print("\(s.name)  \(s.date)  \(s.trackCount) track\(s.trackCount == 1 ? "" : "s")  airspaces: \(s.airspaces.isEmpty ? "none" : s.airspaces.joined(separator: ", "))")
                print("  \(s.title)")
                for z in s.zones { print("  zone: \(z.name) (\(z.kind.rawValue); an entry is an \(z.kind.entryTerm))") }
                for e in s.events { print("  event: \(e.place): \(e.what) from \(UTCTime.iso8601(e.start))\(e.end.map { " to " + UTCTime.iso8601($0) } ?? "")") }
                for c in s.checks { print("  check: \(Self.describe(c))\(Self.which(c))") }
                for c in s.consistency { print("  consistency only (shaped the route): \(Self.describe(c))\(Self.which(c))") }
                for c in s.contested { print("  contested (printed, not a check): \(Self.describe(c))\(Self.which(c))") }
            }
        }

        /// " (tracks: a, b)" when the figure is computed for some tracks only.
        static func which(_ c: ScenarioCheck) -> String {
            c.tracks.map { " (tracks: \($0.joined(separator: ", ")))" } ?? ""
        }

        static func describe(_ c: ScenarioCheck) -> String {
            switch c.kind {
            case .dwell(let a, let e, let t, let perTrack):
                return String(format: "%@ in %@ %.0f ± %.0f s", perTrack ? "each track's dwell" : "total dwell", a, e, t)
            case .endDepth(let a, let e, let lo, let hi):
                return String(format: "end point inside %@ at %.1f km from its border (%.1f–%.1f km)", a, e, lo, hi)
            case .entersFrom(let a, let from, let s, let e):
                return "each track starts in \(from) and enters \(a) between \(UTCTime.iso8601(s)) and \(UTCTime.iso8601(e))"
            case .endsAtSite(let a, let tol):
                return String(format: "each track ends inside %@ within %.0f m of its reported site", a, tol)
            case .noIncursion(let a):
                return "no track enters \(a)"
            case .endsOutside(let a):
                return "each track ends outside \(a)"
            case .maxDepth(let a, let e, let lo, let hi):
                return String(format: "deepest point inside %@ %.1f km (%.1f–%.1f km)", a, e, lo, hi)
            case .pathInside(let a, let e, let lo, let hi):
                return String(format: "path inside %@ %.1f km (%.1f–%.1f km)", a, e, lo, hi)
            case .closestApproach(let name, _, _, let e, let lo, let hi):
                return String(format: "closest approach to %@ %.1f km (%.1f–%.1f km)", name, e, lo, hi)
            case .endBorderDistance(let pairs, let e, let lo, let hi):
                return String(format: "end point %.1f km from the %@ border (%.1f–%.1f km)", e, pairs.joined(separator: " / "), lo, hi)
            case .trackCount(let p, let v, let e, let lo, let hi):
                return String(format: "%@: reported %.0f (%.0f–%.0f)", p.map { "tracks with \($0) = \(v ?? "")" } ?? "tracks", e, lo, hi)
            }
        }
    }
}
