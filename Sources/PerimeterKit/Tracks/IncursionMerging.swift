/// Short exits merged: two incursions separated by less than `minExitS` seconds outside become
/// one, from the first entry to the last exit.
///
/// The merged incursion's dwell is its exit time minus its entry time, so it includes the short
/// time outside; path length and time over land add up, depth is the deeper one's (with its point
/// and time), and `mergedExits` counts the exits merged. `minExitS` = 0 merges nothing.
public enum IncursionMerging {
    public static func merge(_ incursions: [Incursion], minExitS: Double) -> [Incursion] {
        guard minExitS > 0, incursions.count > 1 else { return incursions }
        var out: [Incursion] = [incursions[0]]
        for next in incursions.dropFirst() {
            var last = out[out.count - 1]
            guard next.entryTime - last.exitTime < minExitS else { out.append(next); continue }
            last.exitTime = next.exitTime
            last.exitPoint = next.exitPoint
            last.dwellS = last.exitTime - last.entryTime
            last.pathLengthM += next.pathLengthM
            if next.maxPenetrationM > last.maxPenetrationM {
                last.maxPenetrationM = next.maxPenetrationM
                last.maxDepthPoint = next.maxDepthPoint
                last.maxDepthTime = next.maxDepthTime
            }
            last.openAtEnd = next.openAtEnd
            last.interpolatedGap = last.interpolatedGap || next.interpolatedGap
            if let a = last.overLandS, let b = next.overLandS { last.overLandS = a + b } else { last.overLandS = nil }
            last.mergedExits += 1 + next.mergedExits
            out[out.count - 1] = last
        }
        return out
    }
}
