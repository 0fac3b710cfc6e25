/// Incursions per group of tracks (a formation, a callsign prefix): the union of the members'
/// time inside, beside the per-aircraft figures. Three jets inside together for 12 minutes make
/// one 12-minute event, not 36 minutes.
public struct IncursionGroup: Sendable, Hashable {
    /// The group's name (the `--group-by` value; "" for tracks without one).
    public var group: String
    public var airspace: String
    /// Members (track ids, input order) and those of them that entered.
    public var members: [String]
    public var membersInside: [String]
    /// The union of the members' incursion intervals (sorted, disjoint).
    public var spans: [TimeSpan]
    /// Sum of the members' dwell, seconds (time counted once per aircraft).
    public var memberDwellS: Double
    /// Deepest penetration of any member, metres.
    public var maxPenetrationM: Double
    /// The union's last interval ends with a member's track still inside (no exit known).
    public var openAtEnd: Bool
    /// The union's first interval starts with a member's track already inside (no entry known).
    public var openAtStart: Bool

    /// Seconds at least one member was inside (the union of their intervals).
    public var dwellS: Double { spans.reduce(0) { $0 + $1.durationS } }
    public var firstEntryTime: Double? { spans.first?.start }
    public var lastExitTime: Double? { openAtEnd ? nil : spans.last?.end }

    /// Groups of `reports` per airspace, in order of first appearance of the group and then of the airspace.
    /// Tracks without a group form the group "".
    public static func groups(_ reports: [TrackReport]) -> [IncursionGroup] {
        var order: [String] = []
        var byName: [String: [TrackReport]] = [:]
        for r in reports {
            let name = r.group ?? ""
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(r)
        }
        var out: [IncursionGroup] = []
        for name in order {
            let members = byName[name]!
            let airspaceNames = members.first?.airspaces.map(\.airspace) ?? []
            for (k, airspace) in airspaceNames.enumerated() {
                let summaries = members.compactMap { k < $0.airspaces.count ? $0.airspaces[k] : nil }
                let all = summaries.flatMap(\.incursions)
                let spans = TimeSpan.union(all.map { TimeSpan(start: $0.entryTime, end: $0.exitTime) })
                out.append(IncursionGroup(
                    group: name, airspace: airspace, members: members.map(\.trackID),
                    membersInside: summaries.filter { !$0.incursions.isEmpty }.map(\.trackID),
                    spans: spans,
                    memberDwellS: summaries.reduce(0) { $0 + $1.totalDwellS },
                    maxPenetrationM: summaries.reduce(0) { max($0, $1.maxPenetrationM) },
                    // Open when the member inside last (first) has no exit (entry) of its own.
                    openAtEnd: all.contains { $0.openAtEnd && $0.exitTime >= (spans.last?.end ?? 0) },
                    openAtStart: all.contains { $0.openAtStart && $0.entryTime <= (spans.first?.start ?? 0) }))
            }
        }
        return out
    }
}
